using ClipHost.Engine.Experiments;

namespace ClipHost.Host.Cli;

/// <summary>
/// `train --sweep`: one run per value of a config field (a grid for several), every variant checked by the submission's
/// own validators before the first trains, then trained one after another and compared.
/// </summary>
public static class SweepCommand
{
    public static async Task<int> RunAsync(IServiceProvider s, string json, string[] axes, Func<string, CancellationToken, Task<int>> train, CancellationToken ct)
    {
        IReadOnlyList<(string Name, string Json)> variants;
        try
        {
            variants = ConfigSweep.Expand(json, [.. axes.Select(ConfigSweep.ParseAxis)]);
        }
        catch (OptionsValidationFailedException e)
        {
            return CommandRunner.Refuse(e.Errors);
        }
        // A bad value found an hour into a sweep wastes the hour.
        var validators = s.GetServices<ICommandValidator<CreateRunCommand>>().ToList();
        var refused = variants.SelectMany(v => validators.SelectMany(x => x.Validate(new CreateRunCommand(v.Json, "cli")))
            .Select(e => e with { Field = $"{v.Name}: {e.Field}" })).ToList();
        if (refused.Count > 0)
        {
            return CommandRunner.Refuse(refused);
        }
        Console.WriteLine($"sweep: {variants.Count} runs: {string.Join(", ", variants.Select(v => v.Name))}");
        foreach (var (name, variant) in variants)
        {
            Console.WriteLine($"== {name}");
            if (await train(variant, ct).ConfigureAwait(false) is not 0 and var exit)
            {
                return exit;
            }
        }
        var name0 = ExperimentJson.Parse(json, "--config", "the experiment").Config?.Name ?? "sweep";
        var output = Path.Combine(s.GetRequiredService<Engine.Paths.DataLayout>().Runs, $"{name0}-sweep");
        var (comparison, refusal) = await CommandRunner.SendAsync(s, new CompareRunsCommand([.. variants.Select(v => v.Name)], output), ct).ConfigureAwait(false);
        if (comparison is null)
        {
            return refusal;
        }
        Console.Write(comparison.Table);
        Console.WriteLine($"wrote {string.Join(" and ", comparison.Files)}");
        return 0;
    }
}
