using ClipHost.Host.Studies;

namespace ClipHost.Host.Cli;

/// <summary>A study's cells as a table: cell, run status, progress, host; then the counts.</summary>
public static class StudyPrinter
{
    public static void Print(StudyStatus study)
    {
        ArgumentNullException.ThrowIfNull(study);
        Console.WriteLine($"study {study.Name} ({study.Source}, {study.SubmittedAt:yyyy-MM-dd HH:mm}Z): {study.Cells.Count} cells over {string.Join(" x ", study.Axes)}");
        Console.WriteLine($"{"cell",-48} {"status",-10} {"step",-13} host");
        foreach (var cell in study.Cells)
        {
            var step = cell.Progress is { } p ? $"{p.Step}/{p.TotalSteps}" : "-";
            Console.WriteLine($"{cell.Cell,-48} {cell.Status,-10} {step,-13} {cell.Host ?? "-"}");
        }
        Console.WriteLine($"{string.Join(", ", study.Counts.Select(c => $"{c.Value} {c.Key}"))}{(study.Finished ? "; finished" : string.Empty)}");
    }
}
