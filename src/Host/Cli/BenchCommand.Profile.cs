using System.Globalization;
using ClipHost.Engine.Benchmarks;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host bench --profile`: where each measured run's step time went, side by side, as a Markdown table.</summary>
public static partial class BenchCommand
{
    private static void PrintProfiles(IReadOnlyList<BenchResult> results)
    {
        var profiled = results.Where(r => r.Profile is not null).ToList();
        if (profiled.Count == 0)
        {
            return;
        }
        var order = profiled.SelectMany(r => r.Profile!).GroupBy(row => row.Operation)
            .OrderByDescending(g => g.Max(row => row.MillisecondsPerStep)).Select(g => g.Key).ToList();
        Console.WriteLine();
        Console.WriteLine($"| op / phase | {string.Join(" | ", profiled.Select(r => $"{Column(r)} ms/step | share"))} |");
        Console.WriteLine($"|---|{string.Concat(profiled.Select(_ => "---:|---:|"))}");
        foreach (var operation in order)
        {
            var cells = profiled.Select(r => r.Profile!.FirstOrDefault(row => row.Operation == operation) is { } row
                ? string.Create(CultureInfo.InvariantCulture, $"{row.MillisecondsPerStep:F1} | {row.Share:P1}")
                : "- | -");
            Console.WriteLine($"| {operation} | {string.Join(" | ", cells)} |");
        }
        var totals = profiled.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Profile!.Sum(row => row.MillisecondsPerStep):F1} | {r.Profile!.Sum(row => row.Share):P0}"));
        Console.WriteLine($"| sum of medians | {string.Join(" | ", totals)} |");
        Console.WriteLine();
        Console.WriteLine("ms/step: median over the measured steps of each line; share: of the median step. Forward lines are exclusive of children (own ops of a plugin module: its code between its submodules, e.g. residual adds, SDPA); backward is one phase (TorchSharp has no module backward hooks).");
    }

    private static string Column(BenchResult r) => $"{PrecisionName(r.Precision)}{(r.Preset == TrainBenchmark.PresetName ? string.Empty : $" ({r.Preset})")}";
}
