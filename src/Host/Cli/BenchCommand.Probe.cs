using System.CommandLine;
using ClipHost.Engine.Benchmarks;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host bench --probe`: how long the linear probe takes on 10,000 x 512 features with 10 classes.</summary>
public static partial class BenchCommand
{
    private static Task<int> ProbeBench(ParseResult parse, int runs, CancellationToken ct) =>
        CliHost.RunAsync(parse, b => b.AddTraining(), (host, ct) => CommandRunner.OnTrainingThread(() =>
        {
            PrintMachine(host.Services.GetRequiredService<ClipHost.Host.Torch.TorchRuntime>().Device);
            PrintProbe(ProbeBenchmark.Run(10_000, 512, 10, runs, ct));
            return 0;
        }), ct);

    private static void PrintProbe(ProbeBenchResult r)
    {
        Console.WriteLine($"linear probe on {r.Samples} x {r.Dimension} features, {r.Classes} classes, {Environment.ProcessorCount} cores:");
        Console.WriteLine($"  one L-BFGS fit (l2 1e-4):              {r.FitSecondsMedian,6:F2} s (median of {r.Runs})");
        Console.WriteLine($"  L2 search on a fifth + refit on all:   {r.SearchSecondsMedian,6:F2} s (median of {r.Runs}); chose l2 {r.L2:G3}, held-out top-1 {r.Accuracy:P1}");
    }
}
