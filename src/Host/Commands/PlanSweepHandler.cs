using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Commands;

/// <summary>Expands a validated sweep into its runs; it creates nothing (each front end submits the variants its own way).</summary>
public sealed class PlanSweepHandler(DataLayout layout) : ICommandHandler<PlanSweepCommand, SweepPlan>
{
    public ValueTask<SweepPlan> Handle(PlanSweepCommand command, CancellationToken cancellationToken)
    {
        var name = ExperimentJson.Parse(command.ExperimentJson, "config", "the experiment").Config?.Name ?? "sweep";
        return ValueTask.FromResult(new SweepPlan(name, PlanSweepValidator.Expand(command), layout.Run($"{name}-sweep", "name")));
    }
}
