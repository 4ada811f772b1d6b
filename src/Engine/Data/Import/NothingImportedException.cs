namespace ClipHost.Engine.Data.Import;

/// <summary>Every candidate was skipped: no store is written, and the report says why for each.</summary>
public sealed class NothingImportedException(ImportReport report)
    : Exception($"nothing imported from {report.Source}: all {report.Skipped} candidates were skipped")
{
    public ImportReport Report { get; } = report;
}
