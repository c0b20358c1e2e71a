public enum DispatchReportPlaceholder {}
