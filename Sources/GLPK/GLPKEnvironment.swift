import CGLPK

/// Facts about the linked GLPK library, and a self-test of its error hook.
public enum GLPKEnvironment {
    /// The GLPK version string, e.g. "5.0".
    public static var version: String {
        guard let cString = glp_version() else { return "unknown" }
        return String(cString: cString)
    }

    /// Makes GLPK raise an internal error inside the guarded call and reports whether the hook
    /// recovered. Returns `true` when the process survived a GLPK error (it always should).
    public static func errorHookRecovers() -> Bool {
        dd_glpk_provoke_error() == 1
    }
}
