using ClipHost.Host.Studies;

namespace ClipHost.Host.Commands;

/// <summary>Records the validated study (its axes and cells' runs) for its status and results pages, and returns its cells to run.</summary>
public sealed class StartStudyHandler(StudyStore studies, StudyPrecision precision, RunStore runs, TimeProvider clock, ILogger<StartStudyHandler> logger) : ICommandHandler<StartStudyCommand, StudyPlan>
{
    public ValueTask<StudyPlan> Handle(StartStudyCommand command, CancellationToken cancellationToken)
    {
        var (study, _) = StartStudyValidator.Expand(command);
        var definition = study!.Definition; // present: the validator refused a study that does not expand
        var axes = definition.Axes.Select(a => a.Key).ToList();
        var (cells, chosen) = precision.Pin(study.Cells, cancellationToken);
        studies.Save(new StudyRecord(definition.Name, command.Source, clock.GetUtcNow(), axes, [.. cells.Select(c => new StudyRecordCell(c.Cell, c.RunId, c.Values))], chosen));
        CommandLog.StudyStarted(logger, definition.Name, cells.Count, command.Source, chosen is null ? "named by each cell" : $"{chosen.Chosen} for every cell ({chosen.Reason})");
        var changed = cells.Where(c => StartStudyValidator.ChangedRun(runs, c) is not null).Select(c => c.Cell).ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult(new StudyPlan(definition.Name, axes, cells, changed));
    }
}
