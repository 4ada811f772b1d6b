using ClipHost.Engine.Studies;

namespace ClipHost.Host.Commands;

/// <summary>
/// Start (or take up again) a study: expand its axes into cells, check every cell as its own run's submission would be
/// and against the run it already has, then record the study. Nothing is queued or trained when any cell is refused.
/// Each front end then runs the cells its own way: the service queues one job per cell, the CLI trains them in turn
/// (or queues them when it shares the service's PostgreSQL).
/// </summary>
/// <param name="StudyJson">The study file's content.</param>
/// <param name="Source">Who asked: "cli", "api", "dashboard".</param>
/// <param name="Fresh">Start cells whose experiment changed (or that ran before) from scratch instead of refusing them.</param>
/// <param name="Directory">The folder a base experiment file is named relative to (the study file's); null for an inline base only.</param>
/// <param name="Root">The folder such a file must lie inside.</param>
public sealed record StartStudyCommand(string StudyJson, string Source, bool Fresh = false, string? Directory = null, string? Root = null) : ICommand<StudyPlan>
{
    public override string ToString() => $"{{ Source = {Source}, Fresh = {Fresh}, Length = {StudyJson.Length} }}";
}

/// <param name="Name">The study's name.</param>
/// <param name="Axes">Axis keys in order.</param>
/// <param name="Cells">Every cell with its run id and experiment.</param>
/// <param name="Changed">Cells whose run exists with another experiment: started fresh (the command asked for it, or it would have been refused).</param>
public sealed record StudyPlan(string Name, IReadOnlyList<string> Axes, IReadOnlyList<StudyCell> Cells, IReadOnlySet<string> Changed)
{
    /// <summary>Whether a cell's run must start over: only a changed cell is discarded; a finished, unchanged one keeps its results.</summary>
    public bool Fresh(StudyCell cell) => Changed.Contains(cell.Cell);
}
