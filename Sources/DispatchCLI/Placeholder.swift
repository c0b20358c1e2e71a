public enum DispatchCLIPlaceholder {}
