namespace ClipHost.Host.Cli;

/// <summary>
/// `train --sweep`: the PlanSweep command checks every variant before the first trains; the variants are then trained
/// one after another in this process, and compared side by side.
/// </summary>
public static class SweepCommand
{
    public static async Task<int> RunAsync(IServiceProvider s, string json, string[] axes, Func<string, CancellationToken, Task<int>> train, CancellationToken ct)
    {
        var (plan, refused) = await CommandRunner.SendAsync(s, new PlanSweepCommand(json, axes), ct).ConfigureAwait(false);
        if (plan is null)
        {
            return refused;
        }
        Console.WriteLine($"sweep: {plan.Variants.Count} runs: {string.Join(", ", plan.Variants.Select(v => v.Name))}");
        foreach (var variant in plan.Variants)
        {
            Console.WriteLine($"== {variant.Name}");
            if (await train(variant.ExperimentJson, ct).ConfigureAwait(false) is not 0 and var exit)
            {
                return exit;
            }
        }
        var (comparison, refusal) = await CommandRunner.SendAsync(s, new CompareRunsCommand([.. plan.Variants.Select(v => v.Name)], plan.ComparisonDirectory), ct).ConfigureAwait(false);
        if (comparison is null)
        {
            return refusal;
        }
        Console.Write(comparison.Table);
        Console.WriteLine($"wrote {string.Join(" and ", comparison.Files)}");
        return 0;
    }
}
