/* Machine-readable output shared by the batch commands (emit.h). */
#include "cli/emit.h"

#include <string.h>

int emit_parse_format(struct args *a, enum emit_format *f)
{
    static const char *const names[] = {"text", "csv", "json"};
    const char *v = args_value(a);
    if (!v)
        return -1;
    for (int k = 0; k < 3; k++)
        if (strcmp(v, names[k]) == 0) {
            *f = (enum emit_format)k;
            return 0;
        }
    fprintf(a->err, "nnlab: --format: '%s' is not text, csv or json\n", v);
    return -1;
}

void emit_csv_field(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void emit_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

void emit_json_doubles(FILE *out, const double *v, size_t n)
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%.17g", i ? ", " : "", v[i]);
    fputc(']', out);
}

void emit_json_mat(FILE *out, const struct nn_mat *m)
{
    fputc('[', out);
    for (size_t r = 0; r < m->rows; r++) {
        fputs(r ? ", [" : "[", out);
        for (size_t c = 0; c < m->cols; c++)
            fprintf(out, "%s%.17g", c ? ", " : "", nn_mat_get(m, r, c));
        fputc(']', out);
    }
    fputc(']', out);
}
