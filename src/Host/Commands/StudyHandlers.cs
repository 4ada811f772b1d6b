using ClipHost.Host.Studies;

namespace ClipHost.Host.Commands;

/// <summary>Reads a study's state from its record and its cells' run records.</summary>
public sealed class GetStudyHandler(StudyStore studies, RunStore runs) : ICommandHandler<GetStudyCommand, StudyStatus>
{
    public ValueTask<StudyStatus> Handle(GetStudyCommand command, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StudyStatus.Of(studies.Get(command.Name)!, runs)); // present: StudyExistsValidator
}

/// <summary>Sends CancelRun for each cell whose run has not ended, the one cancellation path of a single run.</summary>
public sealed class CancelStudyHandler(StudyStore studies, RunStore runs, IServiceProvider services) : ICommandHandler<CancelStudyCommand, StudyStatus>
{
    public async ValueTask<StudyStatus> Handle(CancelStudyCommand command, CancellationToken cancellationToken)
    {
        var study = studies.Get(command.Name)!; // present: StudyExistsValidator
        // Resolved here, not injected: the mediator is built from the handlers, so a handler cannot take it in its constructor.
        var mediator = services.GetRequiredService<IMediator>();
        foreach (var cell in study.Cells.Where(c => runs.Get(c.RunId) is { Finished: false }))
        {
            await mediator.Send(new CancelRunCommand(cell.RunId), cancellationToken).ConfigureAwait(false);
        }
        return StudyStatus.Of(study, runs);
    }
}

/// <summary>A named study must have been started (its record exists under the runs root).</summary>
public sealed class StudyExistsValidator(StudyStore studies) : ICommandValidator<GetStudyCommand>, ICommandValidator<CancelStudyCommand>
{
    public IReadOnlyList<OptionError> Validate(GetStudyCommand command) => Check(command.Name);

    public IReadOnlyList<OptionError> Validate(CancelStudyCommand command) => Check(command.Name);

    private IReadOnlyList<OptionError> Check(string name) =>
        studies.Get(name) is null ? [new OptionError("study", $"no study '{name}' under {studies.Root}")] : [];
}
