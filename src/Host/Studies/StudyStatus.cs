namespace ClipHost.Host.Studies;

/// <summary>A study now: each cell with its run's state, and how many cells stand where.</summary>
/// <param name="Counts">Cells per run status ("succeeded", "training", ...; "missing" for a cell whose run is gone).</param>
/// <param name="Finished">Every cell's run has ended (succeeded, failed or cancelled).</param>
public sealed record StudyStatus(string Name, string Source, DateTimeOffset SubmittedAt, IReadOnlyList<string> Axes, IReadOnlyList<StudyCellStatus> Cells, IReadOnlyDictionary<string, int> Counts, bool Finished)
{
    public static StudyStatus Of(StudyRecord study, RunStore runs)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(runs);
        var cells = study.Cells.Select(c => StudyCellStatus.Of(c, runs.Get(c.RunId))).ToList();
        var counts = cells.GroupBy(c => c.Status, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new StudyStatus(study.Name, study.Source, study.SubmittedAt, study.Axes, cells, counts, cells.All(c => c.Finished));
    }
}

/// <param name="Status">The run's status in the API's spelling, or "missing".</param>
public sealed record StudyCellStatus(string Cell, string RunId, IReadOnlyDictionary<string, string> Values, string Status, RunProgress? Progress, string? Host, int Attempts, IReadOnlyDictionary<string, double> Metrics)
{
    public bool Finished => Status is "succeeded" or "failed" or "cancelled";

    public static StudyCellStatus Of(StudyRecordCell cell, RunRecord? run)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var status = run is null ? "missing" : JsonNamingPolicy.KebabCaseLower.ConvertName(run.Status.ToString());
        return new StudyCellStatus(cell.Cell, cell.RunId, cell.Values, status, run?.Progress, run?.Host, run?.Attempts ?? 0, run?.Metrics ?? new Dictionary<string, double>());
    }
}
