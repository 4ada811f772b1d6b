namespace ClipHost.Host.Commands;

/// <summary>
/// Plan a sweep: one run per value of a config field (a grid for several axes), every variant checked as its own run's
/// submission would be before any of them starts, so a bad value is a refusal now rather than a failure an hour in. The
/// CLI then trains the variants one after another; the service queues them all, for every host to take.
/// </summary>
/// <param name="ExperimentJson">The base experiment.</param>
/// <param name="Axes">`field=v1,v2,...` each, e.g. `data.filters[0].options.topPercent=20,40,60`.</param>
public sealed record PlanSweepCommand(string ExperimentJson, IReadOnlyList<string> Axes) : ICommand<SweepPlan>
{
    public override string ToString() => $"{{ Axes = [{string.Join("; ", Axes)}], Length = {ExperimentJson.Length} }}";
}

/// <param name="Name">The base experiment's name.</param>
/// <param name="Variants">Each variant's run name (`name-field-value`) and experiment JSON.</param>
/// <param name="ComparisonDirectory">Where the side-by-side comparison of the variants goes (`runs/&lt;name&gt;-sweep`).</param>
public sealed record SweepPlan(string Name, IReadOnlyList<SweepVariant> Variants, string ComparisonDirectory);

/// <param name="Name">The run's id.</param>
/// <param name="ExperimentJson">The base experiment with this variant's values and name.</param>
public sealed record SweepVariant(string Name, string ExperimentJson);
