using ClipHost.Host.Studies;

namespace ClipHost.Host.Jobs;

/// <summary>
/// How the service (and a CLI on the service's PostgreSQL) runs a study: the StartStudy command checks and records it,
/// then each cell is submitted as its own run, one training job per cell in the shared queue, which every host on it
/// takes from. Hangfire's atomic batches are a Hangfire.Pro feature we do not have; instead submission is idempotent:
/// a cell that succeeded or is on its way is not queued again, so starting a study again queues exactly what is missing
/// (after a storage outage cut a submission short, too).
/// </summary>
public sealed class StudySubmitter(IMediator mediator, RunSubmitter runs)
{
    public async Task<StudySubmission> SubmitAsync(StartStudyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = await mediator.Send(command, cancellationToken).ConfigureAwait(false);
        var queued = new List<RunRecord>();
        foreach (var cell in plan.Cells)
        {
            queued.Add(await runs.SubmitAsync(cell.ExperimentJson, $"study:{plan.Name}", plan.Fresh(cell), cancellationToken).ConfigureAwait(false));
        }
        return new StudySubmission(plan.Name, plan.Axes, [.. plan.Cells.Zip(queued, (c, r) => StudyCellStatus.Of(new StudyRecordCell(c.Cell, c.RunId, c.Values), r))]);
    }
}

/// <summary>What a study's submission did: each cell's run as it stands now (queued, or already succeeded).</summary>
public sealed record StudySubmission(string Name, IReadOnlyList<string> Axes, IReadOnlyList<StudyCellStatus> Cells);
