// A guarded entry into GLPK 5.0 for DispatchDesk.
//
// GLPK calls abort() on invalid input. Its error hook may longjmp out, but a longjmp must never
// cross Swift frames and setjmp cannot be called from Swift, so the whole life of a glp_prob
// (create, load, solve, read, delete) happens inside the one C function below, on one thread.
// After a recovered error GLPK requires glp_free_env(), which frees every problem of this thread;
// the problem is therefore never deleted again on that path.
#ifndef DISPATCHDESK_GLPK_SHIM_H
#define DISPATCHDESK_GLPK_SHIM_H

#include <glpk.h>
#include <setjmp.h>
#include <string.h>

/// A mixed-integer programme in GLPK's own terms. Column and row arrays are 0-based here;
/// the coefficient triplets (ia, ja, ar) are 1-based as GLPK wants them (element 0 unused).
typedef struct {
    int rows;
    int cols;
    int maximize;                 // 0 = minimise
    const double *objective;      // cols
    const int *col_integer;       // cols: 0 continuous, 1 integer
    const int *col_bound_type;    // cols: GLP_FR, GLP_LO, GLP_UP, GLP_DB, GLP_FX
    const double *col_lower;      // cols
    const double *col_upper;      // cols
    const int *row_bound_type;    // rows
    const double *row_lower;      // rows
    const double *row_upper;      // rows
    int nonzeros;
    const int *ia;                // nonzeros + 1
    const int *ja;                // nonzeros + 1
    const double *ar;             // nonzeros + 1
    int time_limit_ms;
    double relative_gap;
    const double *start;          // cols + 1, 1-based (element 0 unused): a feasible solution to start from, or NULL
} dd_mip_model;

typedef struct {
    int recovered_from_error;     // 1 when GLPK raised an error and the hook recovered
    int solve_return;             // return code of glp_intopt (0, GLP_ETMLIM, GLP_ENOPFS, ...)
    int mip_status;               // glp_mip_status: GLP_OPT, GLP_FEAS, GLP_NOFEAS, GLP_UNDEF
    double objective;
    int start_taken;              // 1 when branch-and-cut took the start solution as its first incumbent
    char message[256];            // the last line GLPK tried to print, if any
} dd_mip_result;

typedef struct {
    jmp_buf jump;
    char *message;
} dd_glpk_context;

static int dd_glpk_term_hook(void *info, const char *text) {
    dd_glpk_context *ctx = (dd_glpk_context *)info;
    if (ctx && ctx->message && text) {
        strncpy(ctx->message, text, 255);
        ctx->message[255] = 0;
    }
    return 1; // swallow: GLPK prints nothing of its own
}

static void dd_glpk_error_hook(void *info) {
    dd_glpk_context *ctx = (dd_glpk_context *)info;
    longjmp(ctx->jump, 1);
}

typedef struct {
    const double *values;
    int offered;
    int taken;
} dd_glpk_start;

// Offers the start solution to GLPK's branch-and-cut once, the first time it asks for a
// heuristic one: from then on every node whose bound is no better is cut off.
static void dd_glpk_start_callback(glp_tree *tree, void *info) {
    dd_glpk_start *start = (dd_glpk_start *)info;
    if (!start->offered && glp_ios_reason(tree) == GLP_IHEUR) {
        start->offered = 1;
        start->taken = glp_ios_heur_sol(tree, start->values) == 0;
    }
}

/// Builds, solves and frees one MIP. Column values are written to `values` (cols entries).
static inline dd_mip_result dd_glpk_solve_mip(const dd_mip_model *m, double *values) {
    dd_mip_result result;
    memset(&result, 0, sizeof(result));
    dd_glpk_context ctx;
    ctx.message = result.message;
    glp_term_hook(dd_glpk_term_hook, &ctx);
    glp_term_out(GLP_OFF);
    glp_prob *volatile lp = NULL;
    if (setjmp(ctx.jump)) {
        // GLPK's environment is now unusable; free it (this frees lp too) and report.
        glp_error_hook(NULL, NULL);
        glp_free_env();
        result.recovered_from_error = 1;
        return result;
    }
    glp_error_hook(dd_glpk_error_hook, &ctx);
    lp = glp_create_prob();
    glp_set_obj_dir(lp, m->maximize ? GLP_MAX : GLP_MIN);
    if (m->rows > 0) glp_add_rows(lp, m->rows);
    if (m->cols > 0) glp_add_cols(lp, m->cols);
    for (int i = 0; i < m->rows; i++) {
        glp_set_row_bnds(lp, i + 1, m->row_bound_type[i], m->row_lower[i], m->row_upper[i]);
    }
    for (int j = 0; j < m->cols; j++) {
        glp_set_col_bnds(lp, j + 1, m->col_bound_type[j], m->col_lower[j], m->col_upper[j]);
        glp_set_obj_coef(lp, j + 1, m->objective[j]);
        glp_set_col_kind(lp, j + 1, m->col_integer[j] ? GLP_IV : GLP_CV);
    }
    if (m->nonzeros > 0) glp_load_matrix(lp, m->nonzeros, m->ia, m->ja, m->ar);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.tm_lim = m->time_limit_ms > 0 ? m->time_limit_ms : 1;
    parm.mip_gap = m->relative_gap;
    dd_glpk_start start;
    start.values = m->start;
    start.offered = 0;
    start.taken = 0;
    if (m->start) {
        // A start is offered in the model's own terms, which the MIP presolver would change:
        // the LP relaxation is solved first instead, and branch-and-cut runs on the model as it
        // is. Should the relaxation not solve in time, the presolved solve below runs without it.
        glp_smcp lpparm;
        glp_init_smcp(&lpparm);
        lpparm.msg_lev = GLP_MSG_OFF;
        lpparm.tm_lim = parm.tm_lim;
        double began = glp_time();
        int lpreturn = glp_simplex(lp, &lpparm);
        double spentMs = glp_difftime(glp_time(), began) * 1000.0;
        int left = parm.tm_lim - (int)spentMs;
        parm.tm_lim = left > 1 ? left : 1;
        if (lpreturn == 0 && glp_get_status(lp) == GLP_OPT) {
            parm.presolve = GLP_OFF;
            parm.cb_func = dd_glpk_start_callback;
            parm.cb_info = &start;
        }
    }
    result.solve_return = glp_intopt(lp, &parm);
    result.start_taken = start.taken;
    result.mip_status = glp_mip_status(lp);
    result.objective = glp_mip_obj_val(lp);
    for (int j = 0; j < m->cols; j++) values[j] = glp_mip_col_val(lp, j + 1);
    glp_error_hook(NULL, NULL);
    glp_delete_prob(lp);
    glp_term_hook(NULL, NULL);
    return result;
}

/// Deliberately calls GLPK with a column index out of range, which makes GLPK raise an error.
/// Tests use it to prove that the error hook keeps the process alive.
static inline int dd_glpk_provoke_error(void) {
    dd_glpk_context ctx;
    char message[256] = {0};
    ctx.message = message;
    glp_term_hook(dd_glpk_term_hook, &ctx);
    glp_prob *volatile lp = NULL;
    if (setjmp(ctx.jump)) {
        glp_error_hook(NULL, NULL);
        glp_free_env();
        return 1;
    }
    glp_error_hook(dd_glpk_error_hook, &ctx);
    lp = glp_create_prob();
    glp_add_cols(lp, 1);
    glp_set_obj_coef(lp, 7, 1.0); // out of range: GLPK raises an error here
    glp_error_hook(NULL, NULL);
    glp_delete_prob(lp);
    glp_term_hook(NULL, NULL);
    return 0;
}

#endif
