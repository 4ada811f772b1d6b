using ClipHost.Engine.Paths;
using ClipHost.Reports;

namespace ClipHost.Host.Commands;

/// <summary>Reads each run's folder (its results, loss curve and compute) and writes the comparison.</summary>
public sealed class CompareRunsHandler(DataLayout layout) : ICommandHandler<CompareRunsCommand, RunsComparison>
{
    public ValueTask<RunsComparison> Handle(CompareRunsCommand command, CancellationToken cancellationToken)
    {
        var summaries = command.Runs.Select(r => RunSummary.Read(layout.Run(r, "runs"))).ToList();
        var table = RunComparison.Table(summaries);
        if (command.Output is not { } dir)
        {
            return ValueTask.FromResult(new RunsComparison(table, []));
        }
        Directory.CreateDirectory(dir);
        var markdown = Path.Combine(dir, "comparison.md");
        var plot = Path.Combine(dir, "loss-curves.png");
        File.WriteAllText(markdown, table);
        RunComparison.LossPlot(summaries, plot);
        return ValueTask.FromResult(new RunsComparison(table, [markdown, plot]));
    }
}
