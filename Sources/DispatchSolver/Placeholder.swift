public enum DispatchSolverPlaceholder {}
