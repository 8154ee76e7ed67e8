/* bench-generate.c — a national-size process, written as raw rows
 *
 * 100,000 contributions from 2,000 activities and 10,000 groups, merged
 * into 10,000 proposals, and 50 evaluators scoring 8 shortlisted
 * proposals. Shared by bench-open and bench-merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "bench-generate.h"
#include "cocrea-document.h"
#include "cocrea-search-index.h"

/* A civic Spanish vocabulary, as people write at workshop tables. Nouns
 * and adjectives get their plurals (and -o words their -a form), verbs a
 * handful of forms, so the stemmer meets real inflection. */
static const char *const nouns[] = {
  "participación", "ciudadanía", "presupuesto", "municipio", "seguridad", "barrio",
  "transparencia", "información", "joven", "vecino", "consejo", "plaza", "dato",
  "migrante", "mujer", "pueblo", "cuenta", "concejo", "sesión", "fondo", "carabinero",
  "coordinación", "salud", "educación", "escuela", "liceo", "consultorio", "hospital",
  "vivienda", "calle", "vereda", "luminaria", "semáforo", "paradero", "micro", "transporte",
  "ciclovía", "parque", "área", "árbol", "basura", "reciclaje", "contenedor", "agua",
  "alcantarillado", "ambiente", "contaminación", "ruido", "perro", "mascota", "adulto",
  "niño", "infancia", "discapacidad", "inclusión", "accesibilidad", "rampa", "cultura",
  "deporte", "cancha", "multicancha", "sede", "junta", "organización", "dirigente",
  "comunidad", "territorio", "comuna", "alcalde", "alcaldía", "gobierno", "ministerio",
  "servicio", "funcionario", "trámite", "ventanilla", "oficina", "atención", "horario",
  "página", "plataforma", "internet", "conectividad", "computador", "capacitación", "taller",
  "curso", "empleo", "trabajo", "emprendimiento", "feria", "comercio", "microbasural",
  "delincuencia", "droga", "narcotráfico", "violencia", "género", "prevención", "cámara",
  "vigilancia", "alarma", "patrullaje", "iluminación", "pavimento", "bache", "tránsito",
  "velocidad", "estacionamiento", "biblioteca", "centro", "encuentro", "diálogo", "mesa",
  "propuesta", "proyecto", "programa", "plan", "política", "ley", "ordenanza", "reglamento",
  "fiscalización", "control", "rendición", "probidad", "corrupción", "lobby", "acceso",
  "solicitud", "reclamo", "denuncia", "respuesta", "plazo", "registro", "padrón", "voto",
  "consulta", "plebiscito", "cabildo", "asamblea", "pobreza", "vulnerabilidad", "subsidio",
  "beneficio", "bono", "pensión", "jubilación", "cuidado", "cuidadora", "psicólogo",
  "médico", "especialista", "lista", "espera", "farmacia", "medicamento", "ambulancia",
  "urgencia", "emergencia", "incendio", "bombero", "inundación", "sequía", "riego", "canal",
  "río", "cerro", "quebrada", "humedal", "playa", "costa", "pesca", "campesino",
  "agricultura", "huerto", "compost", "energía", "eficiencia", "leña", "calefacción",
  "invierno", "migración", "extranjero", "documento", "regularización", "idioma",
  "intérprete", "indígena", "lengua", "patrimonio", "historia", "memoria", "derecho",
  "igualdad", "equidad", "diversidad", "respeto", "convivencia", "profesor", "apoderado",
  "estudiante", "universidad", "beca", "gratuidad", "jardín", "sala", "cuna", "madre",
  "familia", "hogar", "allegado", "campamento", "arriendo", "deuda", "crédito", "banco",
  "locomoción", "recorrido", "frecuencia", "tarifa", "pasaje", "metro", "tren", "bus",
  "conductor", "peatón", "cruce", "esquina", "pasaje", "villa", "población", "condominio",
  "departamento", "block", "escalera", "ascensor", "techo", "muro", "grafiti", "mural",
  "artista", "música", "teatro", "danza", "fiesta", "celebración", "aniversario", "turismo",
  "visitante", "empresa", "industria", "fábrica", "olor", "polvo", "humo", "aire", "calidad",
  "norma", "sanción", "multa", "inspector", "guardia", "patrulla", "plan", "cuadrante",
  "comisaría", "fiscal", "justicia", "tribunal", "abogado", "orientación", "asesoría",
  "mediación", "conflicto", "acuerdo", "compromiso", "meta", "indicador", "seguimiento",
  "evaluación", "resultado", "avance", "informe", "reunión", "comisión", "representante",
  "vocero", "liderazgo", "voluntario", "voluntariado", "red", "alianza", "convenio",
  "recurso", "financiamiento", "inversión", "gasto", "costo", "impuesto", "patente",
  "permiso", "licencia", "certificado", "formulario", "firma", "clave", "teléfono", "correo",
  "radio", "diario", "noticia", "difusión", "campaña", "afiche", "volante", "redes",
};

static const char *const adjectives[] = {
  "ciudadano", "público", "municipal", "comunal", "vecinal", "social", "económico",
  "nacional", "regional", "local", "digital", "cultural", "deportivo", "escolar", "rural",
  "urbano", "nuevo", "mejor", "mayor", "menor", "gratuito", "permanente", "directo",
  "oportuno", "claro", "sencillo", "accesible", "seguro", "limpio", "verde", "sustentable",
  "abierto", "eficiente", "digno", "participativo", "comunitario", "barrial", "juvenil",
  "infantil", "mental", "primario", "básico", "medio", "superior", "técnico", "profesional",
  "indígena", "originario", "migrante", "inclusivo", "justo", "transparente", "responsable",
  "activo", "organizado", "informado", "capacitado", "disponible", "cercano", "rápido",
  "lento", "peligroso", "oscuro", "abandonado", "deteriorado", "roto", "sucio", "caro",
  "escaso", "insuficiente", "adecuado", "integral", "efectivo", "constante", "periódico",
  "semanal", "mensual", "anual", "humano", "ambiental", "energético", "solar", "eléctrico",
};

static const char *const verbs[] = {
  "mejorar", "aumentar", "crear", "implementar", "fortalecer", "promover", "garantizar",
  "asegurar", "fomentar", "instalar", "construir", "reparar", "mantener", "limpiar",
  "habilitar", "ampliar", "informar", "difundir", "capacitar", "incorporar", "incluir",
  "escuchar", "responder", "publicar", "fiscalizar", "controlar", "reducir", "disminuir",
  "evitar", "prevenir", "apoyar", "financiar", "participar", "recuperar", "arreglar",
  "iluminar", "pavimentar", "plantar", "reciclar", "cuidar", "proteger", "respetar",
  "integrar", "organizar", "coordinar", "facilitar", "simplificar", "digitalizar",
  "transparentar", "rendir", "abrir", "cerrar", "contratar", "aumentar", "regular",
  "sancionar", "denunciar", "consultar", "votar", "decidir", "priorizar", "evaluar",
  "entregar", "atender", "educar", "enseñar", "aprender", "trabajar", "emprender",
  "vender", "comprar", "pagar", "cobrar", "conectar", "acercar", "visitar", "recorrer",
};

/* Function words, far more frequent than any civic word, as in real text. */
static const char *const function_words[] = {
  "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para",
  "con", "no", "una", "su", "al", "lo", "más", "es", "o", "pero", "sus", "le", "ya", "hay",
  "muy", "sin", "sobre", "también", "entre", "cuando", "todo", "esta", "ser", "son", "dos",
  "donde", "desde", "todos", "nos", "durante", "cada", "hacia", "mucho", "menos", "otros",
};

/* Fraction of words drawn from function_words. */
#define FUNCTION_SHARE 0.4
/* Exponent of the Zipf law: 1 is what natural text shows. */
#define ZIPF_S 1.0

typedef struct {
  GPtrArray *forms;  /* every word form, in a shuffled rank order */
  double *cumulative;
  double *function_cumulative;
} Vocabulary;

static Vocabulary vocabulary;

static void
add_form (GPtrArray *forms, GHashTable *seen, char *form)
{
  if (g_hash_table_contains (seen, form))
    {
      g_free (form);
      return;
    }
  g_hash_table_add (seen, form);
  g_ptr_array_add (forms, form);
}

/* The plural of a singular Spanish noun or adjective. */
static char *
plural (const char *word)
{
  gsize len = strlen (word);

  if (g_str_has_suffix (word, "ión"))
    return g_strdup_printf ("%.*siones", (int) (len - strlen ("ión")), word);
  if (g_str_has_suffix (word, "z"))
    return g_strdup_printf ("%.*sces", (int) (len - 1), word);
  if (strchr ("aeiou", word[len - 1]) != NULL)
    return g_strconcat (word, "s", NULL);
  if (strchr ("lrnd", word[len - 1]) != NULL)
    return g_strconcat (word, "es", NULL);
  return g_strdup (word);
}

static double *
zipf_cumulative (guint n)
{
  double *c = g_new (double, n);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    c[i] = sum += 1.0 / pow (i + 1, ZIPF_S);
  for (guint i = 0; i < n; i++)
    c[i] /= sum;
  return c;
}

static guint
zipf_draw (GRand *rand, const double *cumulative, guint n)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Builds the word forms once and gives them ranks in a fixed shuffled
 * order, so the common words are spread over the alphabet. */
static void
vocabulary_init (void)
{
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GRand) rand = NULL;
  GPtrArray *forms;

  if (vocabulary.forms != NULL)
    return;
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  rand = g_rand_new_with_seed (1810);
  forms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    {
      add_form (forms, seen, g_strdup (nouns[i]));
      add_form (forms, seen, plural (nouns[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (adjectives); i++)
    {
      const char *a = adjectives[i];
      gsize len = strlen (a);

      add_form (forms, seen, g_strdup (a));
      add_form (forms, seen, plural (a));
      if (a[len - 1] == 'o')
        {
          g_autofree char *feminine = g_strdup (a);
          feminine[len - 1] = 'a';
          add_form (forms, seen, g_strdup (feminine));
          add_form (forms, seen, plural (feminine));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      static const char *const ar[] = { "ar", "a", "an", "e", "en", "ando", "ado", "ada", "amos" };
      static const char *const er[] = { "", "e", "en", "a", "an", "iendo", "ido", "ida", "emos" };
      const char *v = verbs[i];
      gsize len = strlen (v);
      gboolean is_ar = g_str_has_suffix (v, "ar");
      const char *const *endings = is_ar ? ar : er;

      add_form (forms, seen, g_strdup (v));
      for (guint j = 1; j < G_N_ELEMENTS (ar); j++)
        add_form (forms, seen, g_strdup_printf ("%.*s%s", (int) (len - 2), v, endings[j]));
    }

  /* Fisher–Yates with a fixed seed: ranks independent of list order. */
  for (guint i = forms->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer tmp = forms->pdata[i];
      forms->pdata[i] = forms->pdata[j];
      forms->pdata[j] = tmp;
    }

  vocabulary.forms = forms;
  vocabulary.cumulative = zipf_cumulative (forms->len);
  vocabulary.function_cumulative = zipf_cumulative (G_N_ELEMENTS (function_words));
}

/* How many distinct word forms sentences draw from (function words aside). */
guint
bench_vocabulary_size (void)
{
  vocabulary_init ();
  return vocabulary.forms->len;
}

/* A random sentence of @n_words words: function words and civic words
 * drawn with a Zipf law, so a few words are everywhere and most are rare,
 * as in what people write. */
char *
bench_sentence (GRand *rand, guint n_words)
{
  GString *s = g_string_new (NULL);

  vocabulary_init ();
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      if (g_rand_double (rand) < FUNCTION_SHARE)
        g_string_append (s, function_words[zipf_draw (rand, vocabulary.function_cumulative,
                                                      G_N_ELEMENTS (function_words))]);
      else
        g_string_append (s, vocabulary.forms->pdata[zipf_draw (rand, vocabulary.cumulative,
                                                               vocabulary.forms->len)]);
    }
  return g_string_free (s, FALSE);
}

static void
exec_or_die (sqlite3 *db, const char *sql)
{
  char *message = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/*
 * bench_generate:
 * Fills a freshly created process file with the large data set, as raw
 * rows: the benches measure reading, not the editing API. Raw rows skip
 * the code that keeps the full-text index in sync, so the index is
 * rebuilt at the end, as any program writing raw rows must do.
 */
void
bench_generate (const char *path)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (2019);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  exec_or_die (db, "PRAGMA foreign_keys = ON; BEGIN;");

  sqlite3_prepare_v2 (db, "INSERT INTO activity (id, kind, name, held_on, place, attendance,"
                          " women, youth, migrants, indigenous, disability)"
                          " VALUES (?, 'workshop', ?, '2019-03-26', 'Sede', ?, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_ACTIVITIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Taller %d", i);
      int attendance = g_rand_int_range (rand, 20, 120);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, attendance);
      for (int j = 4; j <= 8; j++)
        sqlite3_bind_int (stmt, j, g_rand_int_range (rand, 0, attendance / 2));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO table_group (id, activity_id, name, size, position)"
                          " VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL);
  for (int i = 1; i <= N_GROUPS; i++)
    {
      int per = N_GROUPS / N_ACTIVITIES;
      g_autofree char *name = g_strdup_printf ("Mesa %d", (i - 1) % per + 1);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int (stmt, 2, (i - 1) / per + 1);
      sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 7, 13));
      sqlite3_bind_int (stmt, 5, (i - 1) % per + 1);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO proposal (id, title, area, axes, origin, created_at)"
                          " VALUES (?, ?, 'Participación', ?, 'community', '2019-04-01')",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_PROPOSALS; i++)
    {
      g_autofree char *title = bench_sentence (rand, 6);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, g_rand_int_range (rand, 0, 16));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO contribution (activity_id, group_id, origin, text, area,"
                          " axes, proposal_id, created_at)"
                          " VALUES (?, ?, 'community', ?, 'Participación', ?, ?, '2019-03-26')",
                      -1, &stmt, NULL);
  for (int i = 0; i < N_CONTRIBUTIONS; i++)
    {
      int group = g_rand_int_range (rand, 1, N_GROUPS + 1);
      g_autofree char *text = bench_sentence (rand, g_rand_int_range (rand, 8, 25));
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (group - 1) / (N_GROUPS / N_ACTIVITIES) + 1);
      sqlite3_bind_int (stmt, 2, group);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, g_rand_int_range (rand, 0, 16));
      sqlite3_bind_int (stmt, 5, g_rand_int_range (rand, 1, N_PROPOSALS + 1));
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "INSERT INTO evaluator (id, name, department) VALUES (?, ?, 'Dirección')",
                      -1, &stmt, NULL);
  for (int i = 1; i <= N_EVALUATORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Evaluador %d", i);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  exec_or_die (db, "INSERT INTO decision (proposal_id, status, reason, decided_at)"
                   " SELECT id, CASE WHEN id <= 8 THEN 'shortlisted' ELSE 'not-shortlisted' END,"
                   " 'Razón', '2019-05-14' FROM proposal;"
                   "INSERT INTO score (evaluator_id, proposal_id, criterion_id, value, updated_at)"
                   " SELECT e.id, p.id, c.id, 1 + (e.id + p.id + c.id) % 5, '2019-05-14'"
                   " FROM evaluator e, proposal p, criterion c WHERE p.id <= 8;");
  /* The suggestion indexes, in the same transaction: a file whose indexes
   * do not match its texts is damaged, and Cocrea would not open it for
   * writing to rebuild them. */
  g_assert (cocrea_suggest_register_tokenizer (db, NULL));
  /* Identities as an upgraded file has them (schema step 5): laptops'
   * copies of it come back by them (bench-sync). */
  exec_or_die (db, "UPDATE activity SET uid = 'a-' || id;"
                   "UPDATE table_group SET uid = 'g-' || id;"
                   "UPDATE proposal SET uid = 'p-' || id;"
                   "UPDATE contribution SET uid = 'c-' || id;");
  exec_or_die (db, "INSERT INTO contribution_fts (contribution_fts) VALUES ('rebuild');"
                   "INSERT INTO proposal_fts (proposal_fts) VALUES ('rebuild');"
                   "COMMIT;");
  sqlite3_close (db);

  {
    /* Opened once for writing: verified, and stamped as such when closed. */
    g_autoptr (GError) error = NULL;
    g_autoptr (CocreaDocument) doc = cocrea_document_open (path, COCREA_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  }
}

