using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Studies;

namespace ClipHost.Host.Commands;

/// <summary>
/// The study must parse, its axes apply, and every cell pass its run's submission checks (errors named
/// "&lt;cell&gt;: &lt;field&gt;", with the axis that set the field); a cell whose run exists with another experiment is refused
/// unless the study is started fresh, so a changed study never half-overwrites its earlier results.
/// </summary>
public sealed class StartStudyValidator(IEnumerable<ICommandValidator<CreateRunCommand>> submission, RunStore runs) : ICommandValidator<StartStudyCommand>
{
    public IReadOnlyList<OptionError> Validate(StartStudyCommand command)
    {
        var (study, errors) = Expand(command);
        if (study is null || errors.Count > 0)
        {
            return errors;
        }
        var refused = new List<OptionError>();
        var definition = study.Definition;
        // Every cell names the same stores: each samples file is parsed once for all of them.
        using var reads = StoreReadScope.Begin();
        foreach (var cell in study.Cells)
        {
            refused.AddRange(submission.SelectMany(s => s.Validate(new CreateRunCommand(cell.ExperimentJson, "study")))
                .Select(e => e with { Field = $"{cell.Cell}: {e.Field}{Axis(definition, e.Field)}" }));
            if (!command.Fresh && ChangedRun(runs, cell) is { } conflict)
            {
                refused.Add(new OptionError($"{cell.Cell}: experiment", conflict));
            }
        }
        if (refused.Count > 0 && definition.Prepare.Count > 0)
        {
            // The usual cause: the study was sent before the stores and teacher runs its prepare steps make existed.
            refused.Insert(0, new OptionError("prepare", $"this study prepares {definition.Prepare.Count} things its cells need (stores, teacher runs); `clip-host study run` on a host sharing this data root makes them first, then the study can be sent here"));
        }
        return refused;
    }

    /// <summary>The study and its cells, or the errors that stop it before any cell is checked.</summary>
    public static (ExpandedStudy? Study, IReadOnlyList<OptionError> Errors) Expand(StartStudyCommand command)
    {
        var (definition, errors) = StudyFile.Parse(command.StudyJson, command.Directory, command.Root);
        if (definition is null)
        {
            return (null, errors);
        }
        var (cells, expansion) = StudyExpansion.Expand(definition);
        return (new ExpandedStudy(definition, cells), expansion);
    }

    private static string Axis(StudyDefinition study, string field) =>
        study.Axes.FirstOrDefault(a => a.Sets(field)) is { } axis ? $" (set by {axis.Field})" : string.Empty;

    /// <summary>Why the cell's run no longer matches it, or null when it has no run yet or the same experiment.</summary>
    public static string? ChangedRun(RunStore runs, StudyCell cell)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(cell);
        var existing = runs.Get(cell.RunId);
        if (existing is null || ExperimentJson.Parse(cell.ExperimentJson, "experiment", cell.Cell).Config is not { } config)
        {
            return null;
        }
        return ConfigHash.Of(RunConfig.Of(existing)) == ConfigHash.Of(config)
            ? null
            : $"run '{cell.RunId}' exists with a different experiment (the study changed since it ran); start the study fresh to train it again, or rename the study";
    }
}

/// <summary>A parsed study and its cells.</summary>
public sealed record ExpandedStudy(StudyDefinition Definition, IReadOnlyList<StudyCell> Cells);
