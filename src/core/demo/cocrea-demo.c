/* cocrea-demo.c — the Renca 2019 process, as demo and test fixture
 *
 * The data below retells the first Plan de Acción Comunal de Gobierno
 * Abierto de Renca (Fundación Tribu and the Municipalidad de Renca, 2019):
 * its calendar, activities, table groups, the 18 community proposals, the
 * 8 shortlisted, the viability workshop and the 5 published commitments.
 * Facts come from the published plan; its sentences do not: the
 * commitment texts are condensed paraphrases, and contributions are
 * written the way a facilitator types them during a workshop.
 *
 * A few things the plan does not say had to be supplied; each is marked
 * "Illustrative" or "Not in the reference" where it appears.
 *
 * The data is Spanish because the process was; it is data, not interface
 * text, so nothing here is marked for translation.
 *
 * The tables are indexed by the enums below so that rows can refer to each
 * other (a contribution to its proposal, a commitment to the proposal it
 * came from) without depending on row ids, which are only known once the
 * rows are written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "cocrea-db.h"
#include "cocrea-demo.h"
#include "cocrea-document-private.h"
#include "cocrea-error.h"
#include "cocrea-search-index.h"
#include "cocrea-types.h"

#define AXIS_T COCREA_AXIS_TRANSPARENCY
#define AXIS_A COCREA_AXIS_ACCOUNTABILITY
#define AXIS_P COCREA_AXIS_PARTICIPATION
#define AXIS_I COCREA_AXIS_TECHNOLOGY

/* ------------------------------------------------------------------ */
/* The process and its calendar                                        */

static const char demo_title[] = "Plan de Acción Comunal de Gobierno Abierto de Renca";
static const char demo_partners[] =
  "Fundación Tribu; Fundación Konrad Adenauer; CEPAL/ILPES (observador)";

typedef struct {
  const char *key;
  const char *starts_on;
  const char *ends_on;
  const char *status;
} DemoStage;

/* The plan's stage table. Stages 5–7 are "por definir" there (5 and 6 "en
 * replanificación"), so their dates are unknown (NULL) and they are pending,
 * although the text of stage 7 mentions October 2019: the table wins. The
 * plan is dated 20 November 2019, after the drafting period, so drafting is
 * done. Names are left NULL so that the app shows its translated names. */
static const DemoStage demo_stages[] = {
  { "planning", "2018-10", "2019-01", "done" },
  { "co-creation", "2019-03", "2019-04", "done" },
  { "analysis", "2019-04", "2019-05", "done" },
  { "drafting", "2019-08", "2019-10", "done" },
  { "consultation", NULL, NULL, "pending" },
  { "decision", NULL, NULL, "pending" },
  { "launch", NULL, NULL, "pending" },
};

/* ------------------------------------------------------------------ */
/* Activities and table groups                                         */

enum {
  ACT_INTERVIEWS,
  ACT_SURVEY,
  ACT_WORKSHOP,
  ACT_TRIPULACION,
  ACT_COMPLEMENTARY,
  N_DEMO_ACTIVITIES
};

typedef struct {
  const char *kind;
  const char *name;
  const char *held_on;
  const char *held_until;
  const char *place;
  int attendance;
  int women;
  int youth;
  int migrants;
  int indigenous;
  int disability;
  const char *notes;
} DemoActivity;

/* The ten staff interviews are one activity with attendance 10, not ten
 * activities: the plan gives only their number and their period (the list
 * of people is in an annex it does not reproduce), and the proposals that
 * came out of them were pooled and systematised together, so one record is
 * what the facts support without inventing names and dates.
 *
 * Illustrative: the plan does not publish how many attendees were women,
 * youth, migrants, indigenous or people with disabilities. The figures for
 * the survey, the workshop and the Tripulación meeting are plausible values
 * for a neighbourhood process in Renca, there so the overview has something
 * to show; they are not data. The staff interviews carry none. */
static const DemoActivity demo_activities[N_DEMO_ACTIVITIES] = {
  [ACT_INTERVIEWS] = {
    "interview", "Entrevistas al equipo municipal", "2018-12-15", "2019-01-15",
    "Municipalidad de Renca", 10, 0, 0, 0, 0, 0,
    "10 entrevistas en profundidad a funcionarios y asesores de la municipalidad "
    "y de la corporación municipal. Las propuestas se priorizaron luego con un "
    "cuestionario en línea y se presentaron al alcalde." },
  [ACT_SURVEY] = {
    "survey", "Encuesta a dirigentes de juntas de vecinos", "2019-03-11", NULL,
    "Renca", 50, 32, 3, 2, 3, 2,
    "Reunión con integrantes de juntas de vecinos. La encuesta sirvió de insumo "
    "para diseñar el taller de propuestas." },
  [ACT_WORKSHOP] = {
    "workshop", "Taller de generación de propuestas de compromisos", "2019-03-26", NULL,
    "Renca", 82, 49, 11, 5, 6, 3,
    "Actividad central de la etapa. 8 mesas de 7 a 12 personas, formadas "
    "espontáneamente; cada mesa eligió 2 propuestas y las presentó en plenaria." },
  [ACT_TRIPULACION] = {
    "self-organised", "Encuentro autoorganizado con Grupo Tripulación", "2019-04-01", NULL,
    "Renca", 3, 1, 2, 0, 0, 0,
    "Asistieron Matías Benavides y Juan Pablo Labra (Tripulación) y Andrea "
    "Sanhueza (Fundación Tribu). Resultaron dos propuestas." },
  [ACT_COMPLEMENTARY] = {
    "complementary", "Encuentro complementario convocado por DIDECO", "2019-04-04", NULL,
    "Salón Gestión, Municipalidad de Renca", 0, 0, 0, 0, 0, 0,
    "Convocado de 19 a 21 h. El equipo de Tribu y la contraparte municipal "
    "llegaron con los materiales, pero no asistieron vecinos y se suspendió." },
};

/* Illustrative: the commune's population shares (women, youth, migrants,
 * indigenous peoples, people with disabilities, in percent). Neither the
 * plan nor anything this program ships gives Renca's 2017 census figures,
 * so these are round values of the kind a Santiago commune shows, there
 * so the representation view has something to set the attendance
 * against; the source says so in the file itself, and anyone using the
 * demo as a model is told to put the census figures in their place. */
static const double demo_population[] = { 51.0, 24.0, 8.0, 10.0, 12.0 };
static const char demo_population_source[] =
  "Valores ilustrativos, no son cifras oficiales: reemplácelos por los del Censo 2017 "
  "(INE) para Renca";

G_STATIC_ASSERT (G_N_ELEMENTS (demo_population) == COCREA_N_INCLUSION);

/* The eight tables of the workshop: 7 to 12 people each, 82 in all. The
 * plan gives only the range and the total; the split is ours. */
static const int demo_group_sizes[] = { 12, 9, 11, 7, 10, 12, 11, 10 };

G_STATIC_ASSERT (G_N_ELEMENTS (demo_group_sizes) == 8);

/* ------------------------------------------------------------------ */
/* Consolidated proposals and their decisions                          */

enum {
  /* The three preselected proposals of the municipal team. */
  P_FORO,
  P_PRESUPUESTOS_PARTICIPATIVOS,
  P_ALCALDE_BARRIO,
  /* The five community proposals prioritised by Fundación Tribu. */
  P_PRESUPUESTO,
  P_SEGURIDAD,
  P_CONCEJO,
  P_PUEBLOS,
  P_JOVENES,
  /* Community proposals that were not prioritised. */
  P_OBRAS,
  P_RECLAMOS,
  P_SEDES,
  N_DEMO_PROPOSALS
};

typedef struct {
  const char *origin;
  const char *title;
  const char *description;
  const char *area;
  guint axes;
  guint inclusion;
  const char *decision;
  const char *reason;
} DemoProposal;

/* Areas and axes of the community proposals follow the plan's table of
 * prioritised proposals. The decisions are those the plan reports; the
 * reasons are ours, written from its account of the viability workshop and
 * the commitments (the reasons report itself is not in the reference). */
static const DemoProposal demo_proposals[N_DEMO_PROPOSALS] = {
  [P_FORO] = {
    "municipal", "Foro Regular de Gobierno Abierto",
    "Un foro con pocos representantes del municipio y de la comunidad que siga "
    "el plan de acción según los estándares de OGP.",
    "Participación ciudadana", AXIS_T | AXIS_A | AXIS_P, 0,
    "selected",
    "Elegida: el foro regular es un estándar de OGP y puede apoyarse en la "
    "renovación del COSOC prevista para diciembre de 2019." },
  [P_PRESUPUESTOS_PARTICIPATIVOS] = {
    "municipal", "Presupuestos Participativos 2.0",
    "Evaluar los presupuestos participativos ya hechos y sumarles etapas de "
    "cocreación y cogestión.",
    "Presupuesto municipal", AXIS_T | AXIS_A | AXIS_P, 0,
    "not-selected",
    "No elegida: la cuota municipal es de dos compromisos y esta propuesta obtuvo "
    "la menor viabilidad presupuestaria en el taller de jefaturas." },
  [P_ALCALDE_BARRIO] = {
    "municipal", "Alcalde en tu Barrio 2.0",
    "Consolidar Alcalde en tu Barrio con más recursos por territorio y publicar "
    "sus resultados como datos abiertos.",
    "Gestión territorial", AXIS_T | AXIS_P | AXIS_I, 0,
    "selected",
    "Elegida y reformulada como Planes de Desarrollo Barrial: aprovecha las 129 "
    "fichas barriales del programa y tiene viabilidad técnica y política." },
  [P_PRESUPUESTO] = {
    "community", "Presupuesto municipal y fondos concursables abiertos",
    "Publicar de forma clara y periódica el presupuesto y su ejecución, y abrir "
    "a los vecinos la decisión sobre fondos concursables.",
    "Presupuesto municipal y fondos concursables", AXIS_T | AXIS_A | AXIS_P, 0,
    "not-selected",
    "No elegida: la publicación de la ejecución presupuestaria queda dentro del "
    "compromiso del Concejo Municipal Abierto; los fondos exigen cambiar reglamentos." },
  [P_SEGURIDAD] = {
    "community", "Coordinación de seguridad entre dirigentes, municipio y Carabineros",
    "Una instancia formal y periódica para informar, participar y coordinar "
    "acciones de seguridad.",
    "Seguridad", AXIS_P | AXIS_A, 0,
    "selected",
    "Elegida: una de las propuestas más mencionadas, con viabilidad técnica, "
    "presupuestaria y administrativa; se apoya en los comités de seguridad." },
  [P_CONCEJO] = {
    "community", "Concejo Municipal abierto a los vecinos",
    "Sesiones con asistencia de vecinos, calendario, tabla y actas públicas con "
    "anticipación; el Concejo como espacio de cuenta pública.",
    "Concejo Municipal", AXIS_T | AXIS_P | AXIS_A, 0,
    "selected",
    "Elegida: tema muy pedido en el taller; es viable, aunque el Concejo debe "
    "aprobar los cambios a su funcionamiento." },
  [P_PUEBLOS] = {
    "community", "Diálogo formal con pueblos originarios",
    "Una instancia formal de diálogo entre el municipio y las organizaciones de "
    "pueblos originarios para diseñar acciones de su interés.",
    "Minorías étnicas", AXIS_P | AXIS_A, COCREA_INCLUSION_INDIGENOUS,
    "selected",
    "Elegida: responde a una demanda de dirigentes mapuches y es la que más aporta "
    "al criterio de inclusión." },
  /* Not in the reference: the plan prioritised five community proposals but
   * its table shows only four. This fifth one is invented, consistent with
   * the inclusion criteria (youth and migrants) and given to the
   * Tripulación meeting, whose two proposals the plan does not describe. */
  [P_JOVENES] = {
    "community", "Información municipal para jóvenes y migrantes",
    "Información sobre trámites, beneficios y participación en lenguaje claro, "
    "en redes sociales y en otros idiomas.",
    "Información y comunicación", AXIS_T | AXIS_P | AXIS_I,
    COCREA_INCLUSION_YOUTH | COCREA_INCLUSION_MIGRANTS,
    "not-selected",
    "No elegida: menor viabilidad presupuestaria en este período; queda como "
    "insumo para el próximo plan a través del foro regular." },
  [P_OBRAS] = {
    "community", "Información de obras en los barrios",
    "Informar qué obras se hacen en cada barrio, con plazos y montos.",
    "Obras y barrios", AXIS_T | AXIS_A, 0,
    "not-shortlisted",
    "No priorizada: una sola mención; los Planes de Desarrollo Barrial recogerán "
    "la información de obras por barrio." },
  [P_RECLAMOS] = {
    "community", "Reclamos con respuesta pública",
    "Un canal de reclamos y sugerencias con seguimiento y respuesta visibles.",
    "Atención a vecinos", AXIS_A | AXIS_I, 0,
    "not-shortlisted",
    "No priorizada: una sola mención y se refiere más a la atención de público "
    "que a los ejes del gobierno abierto." },
  [P_SEDES] = {
    "community", "Uso transparente de sedes y espacios municipales",
    "Publicar cómo se prestan las sedes y espacios municipales y quién los usa.",
    "Espacios comunitarios", AXIS_T, COCREA_INCLUSION_YOUTH,
    "not-shortlisted",
    "No priorizada: una sola mención; se derivó a DIDECO para revisar el "
    "reglamento de préstamo de espacios." },
};

/* ------------------------------------------------------------------ */
/* Contributions                                                       */

typedef struct {
  int activity;
  int group; /* 1..8 for "Mesa N" of the workshop, 0 for none */
  int proposal;
  const char *text;
} DemoContribution;

/* What was typed in each activity. The staff interviews gave the municipal
 * contributions behind the three municipal proposals. In the workshop each
 * table chose two proposals (16), and the Tripulación meeting gave two more:
 * the plan's 18 community proposals. Several tables said the same thing in
 * other words; counting them is what ranks security and the municipal
 * budget highest (4 mentions each), then the Concejo (3), then the
 * indigenous dialogue and the information for youth and migrants (2). */
static const DemoContribution demo_contributions[] = {
  { ACT_INTERVIEWS, 0, P_FORO, "Foro con vecinos y municipio que haga seguimiento al plan" },
  { ACT_INTERVIEWS, 0, P_FORO, "Mesa permanente municipio-comunidad para monitorear compromisos" },
  { ACT_INTERVIEWS, 0, P_FORO, "Institucionalizar la participación, que no dependa de la administración" },
  { ACT_INTERVIEWS, 0, P_PRESUPUESTOS_PARTICIPATIVOS, "Evaluar los presupuestos participativos hechos hasta ahora" },
  { ACT_INTERVIEWS, 0, P_PRESUPUESTOS_PARTICIPATIVOS, "PP con cocreación y cogestión de los proyectos" },
  { ACT_INTERVIEWS, 0, P_ALCALDE_BARRIO, "Más recursos por territorio para Alcalde en tu Barrio" },
  { ACT_INTERVIEWS, 0, P_ALCALDE_BARRIO, "Publicar las fichas barriales en datos abiertos" },
  { ACT_INTERVIEWS, 0, P_ALCALDE_BARRIO, "Alcalde en tu Barrio como programa permanente" },

  { ACT_WORKSHOP, 1, P_SEGURIDAD, "Reuniones periódicas con carabineros y dirigentes" },
  { ACT_WORKSHOP, 1, P_PRESUPUESTO, "Presupuesto municipal publicado y fácil de entender" },
  { ACT_WORKSHOP, 2, P_SEGURIDAD, "Mesa de seguridad vecinos–municipio–carabineros" },
  { ACT_WORKSHOP, 2, P_CONCEJO, "Concejo abierto, que los vecinos puedan ir" },
  { ACT_WORKSHOP, 3, P_PRESUPUESTO, "Saber en qué se gastan los fondos concursables" },
  { ACT_WORKSHOP, 3, P_PUEBLOS, "Espacio de diálogo con pueblos originarios" },
  { ACT_WORKSHOP, 4, P_SEGURIDAD, "Más info sobre seguridad en el barrio, coordinar con comités" },
  { ACT_WORKSHOP, 4, P_OBRAS, "Avisar qué obras se hacen en cada barrio y cuánto cuestan" },
  { ACT_WORKSHOP, 5, P_PRESUPUESTO, "Vecinos deciden destino de parte del presupuesto" },
  { ACT_WORKSHOP, 5, P_CONCEJO, "Publicar tabla y actas del concejo antes y después" },
  { ACT_WORKSHOP, 6, P_PUEBLOS, "Mesa mapuche con la muni, formal" },
  { ACT_WORKSHOP, 6, P_RECLAMOS, "Reclamos con respuesta y seguimiento en la web" },
  { ACT_WORKSHOP, 7, P_CONCEJO, "Cuenta pública del concejo con la comunidad" },
  { ACT_WORKSHOP, 7, P_PRESUPUESTO, "Rendición de cuentas del gasto municipal cada año" },
  { ACT_WORKSHOP, 8, P_SEGURIDAD, "Coordinación seguridad: dirigentes + municipio + carabineros" },
  { ACT_WORKSHOP, 8, P_JOVENES, "Información para jóvenes por redes sociales" },
  { ACT_TRIPULACION, 0, P_JOVENES, "Info municipal en lenguaje claro y en creole para migrantes" },
  { ACT_TRIPULACION, 0, P_SEDES, "Transparentar el préstamo de sedes a organizaciones juveniles" },
};

/* ------------------------------------------------------------------ */
/* The viability workshop of 14 May 2019                               */

typedef struct {
  const char *name;
  const char *department;
} DemoEvaluator;

/* The municipal heads worked in four groups. Their composition is not
 * published; these groups are named after the units the plan mentions. */
static const DemoEvaluator demo_evaluators[] = {
  { "Grupo 1 – DIDECO", "Dirección de Desarrollo Comunitario" },
  { "Grupo 2 – SECPLAN", "Secretaría Comunal de Planificación" },
  { "Grupo 3 – Seguridad Comunitaria", "Dirección de Seguridad Comunitaria" },
  { "Grupo 4 – Inclusión y Gabinete", "Departamento de Inclusión y Género; Gabinete del alcalde" },
};

/* In the order of the criteria a new process is created with. */
static const char *const demo_criteria[] = {
  "technical", "budget", "political", "coherence", "inclusion",
};
#define N_DEMO_CRITERIA G_N_ELEMENTS (demo_criteria)

typedef struct {
  int proposal;
  int analysed_by; /* index into demo_evaluators */
  int values[5];   /* one per demo_criteria, scale 1–5 */
  const char *notes[5];
} DemoAssessment;

/* Illustrative: the plan's analysis (its annex 5) is not in the reference,
 * only the outcome. In the workshop each group analysed two proposals and
 * the plenary discussed all eight; here every group scores all eight, so
 * the aggregates and the disagreement chart have data. The group that
 * analysed a proposal writes the notes; the values are consensus values
 * that each group shifts a little (see demo_score_shift), chosen so the
 * aggregate ranking matches the plan's selection. */
static const DemoAssessment demo_assessments[] = {
  { P_FORO, 0, { 4, 5, 4, 5, 3 },
    { "Se apoya en el COSOC que existe por ley",
      "Costo bajo, sesiones trimestrales",
      "Depende de que el nuevo COSOC acepte el reglamento",
      "Coherente con #RencaParticipa",
      "Abierto a todas las organizaciones" } },
  { P_PRESUPUESTOS_PARTICIPATIVOS, 0, { 3, 2, 3, 4, 3 },
    { "Hay experiencia previa que evaluar",
      "Cogestión exige recursos no previstos",
      "Requiere acuerdo del Concejo cada año",
      "Ya está en la planificación",
      "Depende del diseño de la convocatoria" } },
  { P_ALCALDE_BARRIO, 1, { 4, 3, 5, 5, 3 },
    { "129 fichas barriales listas en agosto",
      "Hay que reforzar el equipo profesional",
      "Prioridad del alcalde",
      "Base para orientar la inversión",
      "Llega a todos los barrios" } },
  { P_SEGURIDAD, 1, { 4, 4, 5, 4, 3 },
    { "Existen unos 30 comités de seguridad",
      "Sin costos relevantes",
      "Alto interés del alcalde y de los vecinos",
      "Coherente con el plan comunal de seguridad",
      "Invitar a mujeres dirigentas" } },
  { P_PRESUPUESTO, 2, { 3, 3, 2, 4, 3 },
    { "Publicar ejecución es factible",
      "Plataforma en línea con costo",
      "Cambiar fondos requiere reglamento y Concejo",
      "En línea con transparencia activa",
      "Lenguaje claro ayuda a todos" } },
  { P_CONCEJO, 2, { 4, 4, 3, 4, 3 },
    { "Las sesiones ya se transmiten en línea",
      "Adecuar la sala tiene costo acotado",
      "Debe aprobarlo el Concejo",
      "Refuerza la transparencia municipal",
      "Material didáctico para la comunidad" } },
  { P_PUEBLOS, 3, { 4, 3, 4, 3, 5 },
    { "Hay un Departamento de Interculturalidad",
      "Requiere un encargado o una oficina",
      "Hay voluntad de la gestión",
      "No existe política comunal aún",
      "Grupo históricamente excluido" } },
  { P_JOVENES, 3, { 3, 2, 3, 3, 5 },
    { "Requiere producir contenidos nuevos",
      "Traducción y difusión sin presupuesto",
      "Sin oposición, baja prioridad",
      "Poco vínculo con planes vigentes",
      "Jóvenes y migrantes participan poco" } },
};

/* How evaluator @e's value differs from the consensus on proposal @p and
 * criterion @c: a fixed pattern of -1, 0 and +1, so that evaluators
 * disagree a little without changing the ranking. */
static int
demo_score_shift (guint e, guint p, guint c)
{
  static const int pattern[] = { 0, 1, 0, -1, 0 };
  return pattern[(e * 3 + p * 2 + c) % G_N_ELEMENTS (pattern)];
}

/* ------------------------------------------------------------------ */
/* The commitments, as published                                       */

typedef struct {
  const char *deliverable;
  const char *starts_on;
  const char *ends_on;
} DemoMilestone;

typedef struct {
  const char *name;
  const char *title;
  const char *department;
  const char *email;
} DemoContact;

#define MAX_MILESTONES 7
#define MAX_CONTACTS 2
#define MAX_ACTORS 4

typedef struct {
  int proposal;
  const char *name;
  const char *note;
  const char *origin;
  const char *origin_detail;
  const char *starts_on;
  const char *ends_on;
  const char *lead_unit;
  const char *problem;
  const char *description;
  const char *contribution;
  const char *relevance;
  const char *additional_info;
  DemoMilestone milestones[MAX_MILESTONES];
  DemoContact contacts[MAX_CONTACTS];
  const char *municipal_actors[MAX_ACTORS];
} DemoCommitment;

static const char origin_municipal[] =
  "Diagnóstico y planificación conjunta entre el equipo municipal y la Fundación Tribu";
static const char origin_community[] =
  "Propuesta de la comunidad en la etapa de cocreación del Plan de Acción";

/* Positions are the published numbers. The reference prints commitment 4
 * twice, identically; it is written once. Milestone dates are the
 * published ones, as partial dates, with the corrections noted inline. */
static const DemoCommitment demo_commitments[] = {
  { P_FORO,
    "Conformación del Consejo Comunal de Organizaciones de la Sociedad Civil (COSOC) "
    "de acuerdo con los estándares de “Foro Regular de Gobierno Abierto” de OGP",
    "Si el nuevo COSOC decide no conformarse según los estándares de OGP, el municipio "
    "creará un Foro Regular de Gobierno Abierto independiente que seguirá el plan.",
    "municipal", origin_municipal, "2019-10-01", "2021-08-31",
    "Dirección de Desarrollo Comunitario (DIDECO)",
    "La Ley 20.500 crea los COSOC, consejos consultivos que deben sesionar al menos "
    "cuatro veces al año con un reglamento aprobado por el Concejo. El COSOC de Renca "
    "no ha logrado quórum en 2019 y debe renovarse en diciembre. Los estándares de OGP "
    "piden un foro regular multiactor durante todo el ciclo, y en el taller los vecinos "
    "pidieron más diálogo con el municipio.",
    "Renovar el COSOC según la Ley 20.500 y conformarlo como Foro Regular de Gobierno "
    "Abierto para monitorear y apoyar el plan: reuniones al menos trimestrales, balance "
    "entre municipio y comunidad, autoridades con poder de decisión, miembros elegidos "
    "por la comunidad, gobernanza acordada y publicada, rendición de cuentas y difusión.",
    "Alinea al municipio con los estándares de OGP y potencia al COSOC: más "
    "representativo y con mayor incidencia. El municipio propondrá modificar su "
    "reglamento; si no se acepta, el foro se creará por decreto con reglamento propio.",
    "Eleva la transparencia, la participación y la rendición de cuentas del gobierno "
    "municipal.",
    "Viabilidad técnica y financiera, coherente con la planificación municipal; lo "
    "administrativo depende de que los nuevos integrantes aprueben el reglamento.",
    {
      /* Published "10 - 2019 → 03 - 2019": ends before it starts; the
       * year of the end is read as 2020. */
      { "Proponer un nuevo reglamento del COSOC que incorpore las funciones del Foro Regular",
        "2019-10", "2020-03" },
      { "Informar a la comunidad sobre el nuevo marco normativo del COSOC", "2019-11", "2019-12" },
      /* Published "11 - 2019 → 01 - 2019": corrected the same way. */
      { "Elegir el nuevo COSOC según los estándares de OGP y la ley", "2019-11", "2020-01" },
      { "Elaborar el plan de trabajo del COSOC con sus integrantes", "2020-01", "2021-04" },
      { "Seguimiento y cuenta pública anual del COSOC a la comunidad", "2020-06", "2021-08" },
    },
    { { "Pamela Hernández Runge", "Encargada de Participación Ciudadana",
        "Dirección de Desarrollo Comunitario (DIDECO)", "pamela.hernandez@renca.cl" } },
    { "DIDECO", "Secretaría Municipal", "COSOC" } },

  { P_ALCALDE_BARRIO,
    "Diseño e implementación de Planes de Desarrollo Barrial como un instrumento de "
    "gestión municipal que oriente las inversiones y acciones municipales en el territorio",
    "Nombre reformulado a partir de la propuesta “Alcalde en tu Barrio 2.0”.",
    "municipal", origin_municipal, "2019-09-01", "2021-08-31",
    "Dirección de SECPLAN",
    "Las necesidades de cada barrio se diagnostican en una marcha exploratoria con la "
    "junta de vecinos y se corroboran en un recorrido semanal con la comunidad, "
    "directores y el alcalde. Alcalde en tu Barrio terminará en agosto su diagnóstico "
    "de 129 barrios, con una ficha por barrio; hay que sistematizar lo aprendido.",
    "Sistematizar las fichas de Alcalde en tu Barrio y otras acciones municipales en "
    "Planes Barriales con las necesidades de cada barrio, que sirvan de base para "
    "decidir inversión, presupuesto y acciones. Se diseñarán con participación, con "
    "calendario, y sus acuerdos y avances se publicarán georreferenciados como datos "
    "abiertos.",
    "Mejora el diagnóstico de necesidades, la participación de los vecinos, el uso de "
    "los datos recogidos y la información que recibe la comunidad.",
    "Aporta a la participación en asuntos comunitarios y a la transparencia y "
    "rendición de cuentas en la gestión de recursos.",
    "Viabilidad técnica y administrativa. Puede empezar en septiembre de 2019, al "
    "terminar la primera etapa de Alcalde en tu Barrio; hay que reforzar el equipo.",
    {
      /* Only start dates are published. */
      { "Sistematizar las fichas de Alcalde en tu Barrio en formato de Planes Barriales",
        "2019-11", NULL },
      /* Published "diciembre 2020" for this and the next milestone, which
       * would put them after "febrero 2020" and "marzo 2020" steps that
       * depend on them; read as December 2019. */
      { "Diseñar cómo participarán los vecinos en los Planes Barriales", "2019-12", NULL },
      { "Aprobar el diseño del Plan Barrial y sus vínculos con otros instrumentos municipales",
        "2019-12", NULL },
      { "Instruir el uso de los Planes Barriales en las decisiones municipales", "2020-02", NULL },
      { "Ejecutar el programa", "2020-03", NULL },
      { "Cuenta pública del programa", "2020-12", NULL },
    },
    /* Published as "ALEJANDRA DE LA BARRA/LUIGI"; the second person's
     * surname is not given, so the name is kept as published. */
    { { "Alejandra de la Barra / Luigi", "Directora de SECPLAN", "Dirección de SECPLAN", NULL } },
    { NULL } },

  { P_SEGURIDAD,
    "Creación del Consejo Ciudadano de Seguridad Comunitaria",
    NULL, "community", origin_community, "2019-09-01", "2021-08-31",
    "Dirección de Seguridad Comunitaria",
    "La seguridad es una de las necesidades más sentidas y los vecinos quieren tener "
    "voz en ella; fue de las propuestas más mencionadas en la cocreación. Hoy hay "
    "alrededor de 30 comités de seguridad formados por vecinos.",
    "Crear un Consejo Ciudadano de Seguridad Comunitaria con el alcalde y "
    "representantes de los comités de seguridad, Carabineros y la PDI, para coordinar "
    "a dirigentes, municipio y policías e informar y participar en las acciones de "
    "seguridad.",
    "La participación de los vecinos, la coordinación con las instituciones y la "
    "comunicación mejorarán la percepción y los resultados de seguridad en los barrios.",
    "La seguridad es un asunto de la vida en comunidad que pide compromiso conjunto "
    "de actores públicos y sociedad civil, con transparencia, participación y "
    "rendición de cuentas.",
    "Viabilidad técnica, presupuestaria y administrativa.",
    {
      { "Acordar la composición del Consejo", "2019-11", NULL },
      { "Acordar la gobernanza del Consejo: temas, decisiones, frecuencia y rendición de cuentas",
        "2019-12", NULL },
      { "Protocolos de coordinación con los organismos públicos de seguridad", "2020-01", NULL },
      { "Sistema de información a la comunidad sobre seguridad, con datos abiertos no sensibles",
        "2020-02", NULL },
      { "Cuenta pública anual del Consejo", "2020", NULL },
    },
    { { "Ignacio Zúñiga", "Director de Seguridad", "Dirección de Seguridad Comunitaria", NULL } },
    { NULL } },

  { P_PUEBLOS,
    "Instancia formal de diálogo entre el municipio y las organizaciones formales e "
    "informales de pueblos originarios para diseñar e implementar acciones que son de "
    "su interés",
    NULL, "community", origin_community, "2019-09-01", "2021-08-31",
    "Departamento de Inclusión y Género",
    "Dirigentes mapuches piden una relación formal con la municipalidad. Existe un "
    "Departamento de Interculturalidad, pero no una política comunal de pueblos "
    "originarios, ni una oficina para ellos, ni espacios para sus ceremonias.",
    "Crear una instancia formal de diálogo con las organizaciones formales e "
    "informales de pueblos originarios para diseñar y ejecutar un plan de trabajo "
    "con acciones de su interés.",
    "Una oficina o encargado de pueblos originarios dará una relación formal y estable; "
    "de esa coordinación saldrá una política comunal con principios de gobierno "
    "abierto y un plan de trabajo.",
    "La planificación conjunta con los pueblos originarios pone en práctica la "
    "transparencia, la participación y la rendición de cuentas.",
    NULL,
    {
      /* Published "Julio - Diciembre 2019", before the commitment's own
       * start; kept as published. */
      { "Política comunal de pueblos originarios, elaborada en diálogo con sus representantes",
        "2019-07", "2019-12" },
      { "Plan de trabajo según las factibilidades técnicas, político-administrativas y presupuestarias",
        "2019-09", NULL },
      { "Ejecutar el plan de trabajo", "2019-10", NULL },
      { "Cuenta pública anual", "2020", NULL },
    },
    { { "Fabián Aguilera", "Jefe del Departamento de Inclusión y Género",
        "Departamento de Inclusión y Género", NULL } },
    { NULL } },

  { P_CONCEJO,
    "Concejo Municipal Abierto",
    NULL, "community", origin_community, "2019-09-01", "2021-08-31",
    "Gabinete del alcalde",
    "El Concejo aprueba el plan de desarrollo, el presupuesto, la inversión y las "
    "políticas municipales. Sus sesiones son públicas y se transmiten en línea, pero "
    "nadie difunde fechas, tablas ni actas, y los vecinos del taller no lo sabían. La "
    "web solo lista a los concejales; interesan el presupuesto y los gastos del Concejo.",
    "Instancias físicas y virtuales para que el Concejo funcione con principios de "
    "gobierno abierto: acceso a sesiones, actas, acuerdos, reportes y gastos a tiempo, "
    "en formato procesable y lenguaje claro, en un espacio propio de la web municipal.",
    "Ajustar el funcionamiento del Concejo aumentará el acceso a la información y la "
    "rendición de cuentas sobre sus actuaciones.",
    "Abrir el Concejo aporta transparencia y rendición de cuentas al principal órgano "
    "de representación ciudadana del municipio.",
    "Viabilidad técnica, presupuestaria y política; debe aprobarlo el Concejo Municipal.",
    {
      { "Propuesta de formas de trabajo con transparencia, participación y rendición de cuentas",
        "2019-09", NULL },
      { "Adecuar la infraestructura para más participación (sala de sesiones, oficina de concejales)",
        "2019", "2020" },
      { "Herramientas virtuales para difundir las sesiones (sitio web del Concejo)", "2020-01", NULL },
      { "Sistema en línea sobre la ejecución del presupuesto municipal", "2020-01", NULL },
      { "Material didáctico sobre el Concejo para la comunidad", "2020-01", NULL },
    },
    { { "Lorena Pohl", NULL, "Gabinete del alcalde", NULL } },
    { NULL } },
};

/* ------------------------------------------------------------------ */
/* The public consultation                                             */

/* Illustrative, not in the reference: the plan leaves stage 5 "por
 * definir" (being replanned) and says only that the draft will be open
 * for comments during 10 working days, online and in person. The window
 * is the first two working weeks of December 2019, after the plan's date
 * (20 November), and the comments and answers are invented, so that the
 * demo shows the stage. The stage calendar keeps the plan's "to be
 * defined". */
static const char demo_consultation_opens[] = "2019-12-02";
static const char demo_consultation_closes[] = "2019-12-13";

typedef struct {
  int commitment; /* its number in the plan */
  const char *channel;
  const char *author;
  const char *received_on;
  const char *text;
  const char *response;
  const char *reason;
} DemoComment;

static const DemoComment demo_comments[] = {
  { 2, "online", "Junta de Vecinos Huamachuco", "2019-12-03",
    "Que cada Plan Barrial se presente en una asamblea del barrio antes de aprobarse, "
    "no solo en la web.",
    "accepted", "Se agrega al hito de diseño de la participación de los vecinos." },
  { 2, "email", "Carolina Muñoz", "2019-12-10",
    "Publicar desde el comienzo las fichas de Alcalde en tu Barrio de los 129 barrios "
    "como datos abiertos.",
    "partly", "Se publicarán las fichas sin datos personales; las que los tienen se "
    "publicarán resumidas." },
  { 3, "in-person", "Comité de seguridad vecinal", "2019-12-05",
    "Que el Consejo incluya a los comités de seguridad de todos los sectores y sesione "
    "de noche, cuando los vecinos pueden asistir.",
    "accepted", "La composición y el horario se acordarán con los comités en el primer hito." },
  { 3, "online", "", "2019-12-12",
    "Instalar cámaras de televigilancia en todas las plazas de la comuna.",
    "not-accepted", "Excede el compromiso, que crea una instancia de coordinación; la "
    "propuesta se deriva a la Dirección de Seguridad Comunitaria." },
};

/* ------------------------------------------------------------------ */
/* The follow-up of the plan                                           */

/* Illustrative, not in the reference: the plan (November 2019) cannot
 * say how its milestones went. These few records, in the first months of
 * 2020, are invented so that the follow-up of the demo is not empty: one
 * milestone followed twice up to done, others done or in progress, one
 * in progress past its end (overdue), the rest never followed. */
typedef struct {
  int commitment; /* its number in the plan */
  int milestone;  /* its number in the commitment */
  const char *recorded_on;
  const char *status;
  const char *evidence;
} DemoProgress;

static const DemoProgress demo_progress[] = {
  { 1, 1, "2019-12-16", "in-progress", "Borrador del nuevo reglamento presentado al COSOC." },
  { 1, 1, "2020-03-30", "done", "Reglamento aprobado por el Concejo Municipal (acta de la sesión)." },
  { 1, 2, "2020-01-15", "done", "Publicación en renca.cl y tres reuniones informativas con "
                                "organizaciones." },
  { 1, 3, "2020-01-31", "in-progress", "Convocatoria a la elección publicada; la votación se "
                                       "reprogramó." },
  { 2, 1, "2020-02-28", "done", "Fichas de los barrios sistematizadas y publicadas como datos "
                                "abiertos." },
  { 3, 1, "2020-01-20", "in-progress", "Dos reuniones con los comités de seguridad vecinal." },
};

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* Everything write_demo needs to carry between the tables: the row ids of
 * what has been written so far. */
typedef struct {
  sqlite3 *db;
  char *now;
  gint64 activity_ids[N_DEMO_ACTIVITIES];
  gint64 group_ids[G_N_ELEMENTS (demo_group_sizes) + 1]; /* by group number, [0] unused */
  gint64 proposal_ids[N_DEMO_PROPOSALS];
  gint64 criterion_ids[N_DEMO_CRITERIA];
  gint64 evaluator_ids[G_N_ELEMENTS (demo_evaluators)];
} DemoWriter;

/* Steps @stmt to completion and resets it for the next row. */
static gboolean
step_row (DemoWriter *w, sqlite3_stmt *stmt, GError **error)
{
  gboolean ok = cocrea_db_step_done (w->db, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Fills in the process record: partners and quotas. */
static gboolean
write_process (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "UPDATE process SET partners = ?, language = 'es',"
                            " quota_total = 5, quota_municipal = 2, quota_community = 3,"
                            " population_women = ?, population_youth = ?, population_migrants = ?,"
                            " population_indigenous = ?, population_disability = ?,"
                            " population_source = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  cocrea_db_bind_text (stmt, 1, demo_partners);
  for (guint g = 0; g < G_N_ELEMENTS (demo_population); g++)
    sqlite3_bind_double (stmt, 2 + g, demo_population[g]);
  cocrea_db_bind_text (stmt, 2 + G_N_ELEMENTS (demo_population), demo_population_source);
  return step_row (w, stmt, error);
}

/* Sets the dates and status of the stages the new file already has. */
static gboolean
write_stages (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "UPDATE stage SET name = NULL, starts_on = ?, ends_on = ?, status = ?"
                            " WHERE key = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_stages); i++)
    {
      const DemoStage *s = &demo_stages[i];

      cocrea_db_bind_date (stmt, 1, s->starts_on);
      cocrea_db_bind_date (stmt, 2, s->ends_on);
      cocrea_db_bind_text (stmt, 3, s->status);
      cocrea_db_bind_text (stmt, 4, s->key);
      if (!step_row (w, stmt, error))
        return FALSE;
      g_assert (sqlite3_changes (w->db) == 1);
    }

  return TRUE;
}

/* Writes the activities, and the table groups of the workshop. */
static gboolean
write_activities (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) group_stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO activity (kind, name, held_on, held_until, place,"
                            " attendance, women, youth, migrants, indigenous, disability, notes, uid)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_DEMO_ACTIVITIES; i++)
    {
      const DemoActivity *a = &demo_activities[i];
      const int counts[] = { a->attendance, a->women, a->youth, a->migrants,
                             a->indigenous, a->disability };

      cocrea_db_bind_text (stmt, 1, a->kind);
      cocrea_db_bind_text (stmt, 2, a->name);
      cocrea_db_bind_date (stmt, 3, a->held_on);
      cocrea_db_bind_date (stmt, 4, a->held_until);
      cocrea_db_bind_text (stmt, 5, a->place);
      for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
        sqlite3_bind_int (stmt, 6 + c, counts[c]);
      cocrea_db_bind_text (stmt, 12, a->notes);
      if (!step_row (w, stmt, error))
        return FALSE;
      w->activity_ids[i] = sqlite3_last_insert_rowid (w->db);
    }

  group_stmt = cocrea_db_prepare (w->db,
                                  "INSERT INTO table_group (activity_id, name, size, position, uid)"
                                  " VALUES (?, ?, ?, ?, cocrea_uid ())",
                                  error);
  if (group_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_group_sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("Mesa %u", i + 1);

      sqlite3_bind_int64 (group_stmt, 1, w->activity_ids[ACT_WORKSHOP]);
      cocrea_db_bind_text (group_stmt, 2, name);
      sqlite3_bind_int (group_stmt, 3, demo_group_sizes[i]);
      sqlite3_bind_int (group_stmt, 4, i + 1);
      if (!step_row (w, group_stmt, error))
        return FALSE;
      w->group_ids[i + 1] = sqlite3_last_insert_rowid (w->db);
    }

  return TRUE;
}

/* Writes the consolidated proposals and the decision on each. */
static gboolean
write_proposals (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) decision_stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO proposal (title, description, area, axes, inclusion,"
                            " origin, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  decision_stmt = cocrea_db_prepare (w->db,
                                     "INSERT INTO decision (proposal_id, status, reason, decided_at)"
                                     " VALUES (?, ?, ?, ?)",
                                     error);
  if (decision_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_DEMO_PROPOSALS; i++)
    {
      const DemoProposal *p = &demo_proposals[i];

      cocrea_db_bind_text (stmt, 1, p->title);
      cocrea_db_bind_text (stmt, 2, p->description);
      cocrea_db_bind_text (stmt, 3, p->area);
      sqlite3_bind_int (stmt, 4, p->axes);
      sqlite3_bind_int (stmt, 5, p->inclusion);
      cocrea_db_bind_text (stmt, 6, p->origin);
      cocrea_db_bind_text (stmt, 7, w->now);
      if (!step_row (w, stmt, error))
        return FALSE;
      w->proposal_ids[i] = sqlite3_last_insert_rowid (w->db);

      sqlite3_bind_int64 (decision_stmt, 1, w->proposal_ids[i]);
      cocrea_db_bind_text (decision_stmt, 2, p->decision);
      cocrea_db_bind_text (decision_stmt, 3, p->reason);
      cocrea_db_bind_text (decision_stmt, 4, w->now);
      if (!step_row (w, decision_stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the contributions, each merged into its consolidated proposal.
 * Those of the staff interviews are of municipal origin. */
static gboolean
write_contributions (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO contribution (activity_id, group_id, origin, text,"
                            " proposal_id, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_contributions); i++)
    {
      const DemoContribution *c = &demo_contributions[i];

      g_assert (c->group == 0 || c->activity == ACT_WORKSHOP);
      sqlite3_bind_int64 (stmt, 1, w->activity_ids[c->activity]);
      if (c->group > 0)
        sqlite3_bind_int64 (stmt, 2, w->group_ids[c->group]);
      cocrea_db_bind_text (stmt, 3, c->activity == ACT_INTERVIEWS ? "municipal" : "community");
      cocrea_db_bind_text (stmt, 4, c->text);
      sqlite3_bind_int64 (stmt, 5, w->proposal_ids[c->proposal]);
      cocrea_db_bind_text (stmt, 6, w->now);
      if (!step_row (w, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Looks up the ids of the default criteria by key; a file created by
 * cocrea_document_create() always has them. */
static gboolean
find_criteria (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (w->db, "SELECT id FROM criterion WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_DEMO_CRITERIA; i++)
    {
      int rc;

      cocrea_db_bind_text (stmt, 1, demo_criteria[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          cocrea_db_set_error (error, w->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
          return FALSE;
        }
      w->criterion_ids[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* Writes the evaluators and every score of the viability workshop. */
static gboolean
write_scores (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) score_stmt = NULL;

  if (!find_criteria (w, error))
    return FALSE;

  stmt = cocrea_db_prepare (w->db, "INSERT INTO evaluator (name, department) VALUES (?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint e = 0; e < G_N_ELEMENTS (demo_evaluators); e++)
    {
      cocrea_db_bind_text (stmt, 1, demo_evaluators[e].name);
      cocrea_db_bind_text (stmt, 2, demo_evaluators[e].department);
      if (!step_row (w, stmt, error))
        return FALSE;
      w->evaluator_ids[e] = sqlite3_last_insert_rowid (w->db);
    }

  score_stmt = cocrea_db_prepare (w->db,
                                  "INSERT INTO score (evaluator_id, proposal_id, criterion_id,"
                                  " value, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                                  error);
  if (score_stmt == NULL)
    return FALSE;

  for (guint p = 0; p < G_N_ELEMENTS (demo_assessments); p++)
    {
      const DemoAssessment *a = &demo_assessments[p];

      for (guint e = 0; e < G_N_ELEMENTS (demo_evaluators); e++)
        for (guint c = 0; c < N_DEMO_CRITERIA; c++)
          {
            gboolean analysed = (int) e == a->analysed_by;
            int value = analysed ? a->values[c]
                                 : CLAMP (a->values[c] + demo_score_shift (e, p, c), 1, 5);

            sqlite3_bind_int64 (score_stmt, 1, w->evaluator_ids[e]);
            sqlite3_bind_int64 (score_stmt, 2, w->proposal_ids[a->proposal]);
            sqlite3_bind_int64 (score_stmt, 3, w->criterion_ids[c]);
            sqlite3_bind_int (score_stmt, 4, value);
            cocrea_db_bind_text (score_stmt, 5, analysed ? a->notes[c] : "");
            cocrea_db_bind_text (score_stmt, 6, w->now);
            if (!step_row (w, score_stmt, error))
              return FALSE;
          }
    }

  return TRUE;
}

/* Writes the commitments with their milestones, contacts and actors. */
static gboolean
write_commitments (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) milestone_stmt = NULL;
  g_autoptr (sqlite3_stmt) contact_stmt = NULL;
  g_autoptr (sqlite3_stmt) actor_stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO commitment (proposal_id, position, name, note, origin,"
                            " origin_detail, starts_on, ends_on, lead_unit, problem, description,"
                            " contribution, relevance, additional_info, uid)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  milestone_stmt = cocrea_db_prepare (w->db,
                                      "INSERT INTO milestone (commitment_id, position, deliverable,"
                                      " starts_on, ends_on, uid) VALUES (?, ?, ?, ?, ?, cocrea_uid ())",
                                      error);
  if (milestone_stmt == NULL)
    return FALSE;
  contact_stmt = cocrea_db_prepare (w->db,
                                    "INSERT INTO contact (commitment_id, name, title, department,"
                                    " email) VALUES (?, ?, ?, ?, ?)",
                                    error);
  if (contact_stmt == NULL)
    return FALSE;
  actor_stmt = cocrea_db_prepare (w->db,
                                  "INSERT INTO actor (commitment_id, kind, name)"
                                  " VALUES (?, 'municipal', ?)",
                                  error);
  if (actor_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_commitments); i++)
    {
      const DemoCommitment *c = &demo_commitments[i];
      const char *texts[] = { c->name, c->note, c->origin, c->origin_detail };
      const char *template[] = { c->lead_unit, c->problem, c->description, c->contribution,
                                 c->relevance, c->additional_info };
      gint64 commitment_id;

      sqlite3_bind_int64 (stmt, 1, w->proposal_ids[c->proposal]);
      sqlite3_bind_int (stmt, 2, i + 1);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        cocrea_db_bind_text (stmt, 3 + t, texts[t]);
      cocrea_db_bind_date (stmt, 7, c->starts_on);
      cocrea_db_bind_date (stmt, 8, c->ends_on);
      for (guint t = 0; t < G_N_ELEMENTS (template); t++)
        cocrea_db_bind_text (stmt, 9 + t, template[t]);
      if (!step_row (w, stmt, error))
        return FALSE;
      commitment_id = sqlite3_last_insert_rowid (w->db);

      for (guint m = 0; m < MAX_MILESTONES && c->milestones[m].deliverable != NULL; m++)
        {
          sqlite3_bind_int64 (milestone_stmt, 1, commitment_id);
          sqlite3_bind_int (milestone_stmt, 2, m + 1);
          cocrea_db_bind_text (milestone_stmt, 3, c->milestones[m].deliverable);
          cocrea_db_bind_date (milestone_stmt, 4, c->milestones[m].starts_on);
          cocrea_db_bind_date (milestone_stmt, 5, c->milestones[m].ends_on);
          if (!step_row (w, milestone_stmt, error))
            return FALSE;
        }

      for (guint k = 0; k < MAX_CONTACTS && c->contacts[k].name != NULL; k++)
        {
          sqlite3_bind_int64 (contact_stmt, 1, commitment_id);
          cocrea_db_bind_text (contact_stmt, 2, c->contacts[k].name);
          cocrea_db_bind_text (contact_stmt, 3, c->contacts[k].title);
          cocrea_db_bind_text (contact_stmt, 4, c->contacts[k].department);
          cocrea_db_bind_text (contact_stmt, 5, c->contacts[k].email);
          if (!step_row (w, contact_stmt, error))
            return FALSE;
        }

      for (guint k = 0; k < MAX_ACTORS && c->municipal_actors[k] != NULL; k++)
        {
          sqlite3_bind_int64 (actor_stmt, 1, commitment_id);
          cocrea_db_bind_text (actor_stmt, 2, c->municipal_actors[k]);
          if (!step_row (w, actor_stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Writes the consultation window and its comments, after the commitments. */
static gboolean
write_consultation (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) window = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  window = cocrea_db_prepare (w->db,
                              "UPDATE process SET consultation_opens = ?, consultation_closes = ?",
                              error);
  if (window == NULL)
    return FALSE;
  cocrea_db_bind_date (window, 1, demo_consultation_opens);
  cocrea_db_bind_date (window, 2, demo_consultation_closes);
  if (!step_row (w, window, error))
    return FALSE;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO consultation_comment (commitment_id, channel, author,"
                            " received_on, text, response, response_reason, uid)"
                            " VALUES ((SELECT id FROM commitment WHERE position = ?), ?, ?, ?, ?,"
                            " ?, ?, cocrea_uid ())",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_comments); i++)
    {
      const DemoComment *c = &demo_comments[i];
      const char *texts[] = { c->channel, c->author, c->received_on, c->text, c->response,
                              c->reason };

      sqlite3_bind_int (stmt, 1, c->commitment);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        cocrea_db_bind_text (stmt, 2 + t, texts[t]);
      if (!step_row (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes the illustrative follow-up records, after the commitments. */
static gboolean
write_progress (DemoWriter *w, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = cocrea_db_prepare (w->db,
                            "INSERT INTO milestone_progress (milestone_id, recorded_on, status,"
                            " evidence, uid) SELECT m.id, ?3, ?4, ?5, cocrea_uid () FROM milestone m"
                            " JOIN commitment c"
                            " ON c.id = m.commitment_id WHERE c.position = ?1 AND m.position = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_progress); i++)
    {
      const DemoProgress *p = &demo_progress[i];

      sqlite3_bind_int (stmt, 1, p->commitment);
      sqlite3_bind_int (stmt, 2, p->milestone);
      cocrea_db_bind_text (stmt, 3, p->recorded_on);
      cocrea_db_bind_text (stmt, 4, p->status);
      cocrea_db_bind_text (stmt, 5, p->evidence);
      if (!step_row (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/*
 * write_demo:
 * Writes the whole Renca process into @document, which must be a freshly
 * created file, as one edit: on failure nothing of it is left.
 */
static gboolean
write_demo (CocreaDocument *document, GError **error)
{
  g_autoptr (CocreaEdit) edit = NULL;
  DemoWriter w = { 0 };
  g_autofree char *now = cocrea_db_now ();
  CocreaIndexMark mark = { 0 };
  gboolean ok;

  w.db = cocrea_document_get_db (document);
  w.now = now;

  edit = cocrea_edit_begin (document, error);
  if (edit == NULL)
    return FALSE;

  /* The new proposals and contributions join the suggestion index in the same edit. */
  ok = cocrea_index_mark (w.db, &mark, error) &&
       write_process (&w, error) &&
       write_stages (&w, error) &&
       write_activities (&w, error) &&
       write_proposals (&w, error) &&
       write_contributions (&w, error) &&
       cocrea_index_add_since (w.db, &mark, error) &&
       write_scores (&w, error) &&
       write_commitments (&w, error) &&
       write_consultation (&w, error) &&
       write_progress (&w, error) &&
       cocrea_document_log (document, "demo", "process", "Renca 2019", error);

  if (!ok)
    return FALSE;
  return cocrea_edit_commit (edit, error);
}

/**
 * cocrea_demo_write:
 * @path: where to write the demo; it must not exist
 * @error: return location for a #CocreaError
 *
 * Creates a process file at @path holding the Renca 2019 process. Fails
 * with %COCREA_ERROR_EXISTS, leaving the file alone, when @path exists.
 * When writing fails half-way the new file is removed, so there is either
 * a complete demo or no file.
 *
 * Returns: %TRUE on success
 */
gboolean
cocrea_demo_write (const char *path, GError **error)
{
  g_autoptr (CocreaDocument) document = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = cocrea_document_create (path, demo_title, "Renca", 2019, 2021, error);
  if (document == NULL)
    return FALSE;

  ok = write_demo (document, error);
  cocrea_document_close (document);

  if (!ok)
    {
      /* The file is ours: cocrea_document_create() made it moments ago. */
      g_unlink (path);
      return FALSE;
    }

  return TRUE;
}
