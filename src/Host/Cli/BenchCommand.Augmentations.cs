using System.CommandLine;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Training;
using ClipHost.Host.Options;
using ClipHost.Host.Torch;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host bench --augmentations`: can augmentation keep up with training?</summary>
public static partial class BenchCommand
{
    private static Task<int> AugmentationBench(ParseResult parse, FileInfo config, int steps, int warmup, CancellationToken ct)
    {
        var (experiment, errors) = ExperimentValidator.Load(config.FullName);
        if (experiment is null)
        {
            return Task.FromResult(CommandRunner.Refuse(errors));
        }
        return CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
        {
            var s = host.Services;
            var device = s.GetRequiredService<TorchRuntime>().Device;
            PrintMachine(device);
            var storePath = s.GetRequiredService<DataLayout>().Store(experiment.Data.Store);
            if (!Directory.Exists(storePath))
            {
                return CommandRunner.Refuse([new OptionError("data.store", $"store '{experiment.Data.Store}' of {config.Name} is not imported ({storePath}); run `clip-host data import {experiment.Data.Store}` first")]);
            }
            var batch = experiment.Training.BatchSize;
            var size = experiment.Model.Vision.ImageSize;
            return await CommandRunner.OnTrainingThread(() =>
            {
                // The experiment's own training rate, on synthetic inputs, as `bench` measures any model.
                var precision = new PrecisionChooser(s.GetRequiredService<IComponentRegistry>(), s.GetRequiredService<PrecisionCache>()).Resolve(experiment, device, ct).Chosen;
                var training = s.GetRequiredService<TrainBenchmark>().Run(new() { Device = device, Precision = precision, Steps = steps, Warmup = warmup, BatchSize = batch, MeasurePeak = false, Model = experiment.Model },
                    new Progress<(int Step, double Seconds)>(x => Console.Error.Write($"\rtraining {experiment.Name} step {x.Step}: {x.Seconds:F2} s   ")), ct);
                Console.Error.WriteLine();
                using var store = ClipStore.Open(storePath);
                using var batcher = new ImageBatcher(store, size, device);
                using var raw = batcher.Raw(Enumerable.Range(0, Math.Min(batch, store.Count)).ToArray());
                var rows = AugmentationBenchmark.Run(raw, size, steps, warmup, new Progress<string>(p => Console.Error.WriteLine($"measuring {p}")), ct);
                Console.WriteLine($"{experiment.Name} training (batch {batch}, {size} px, device {device}): {training.PairsPerSecondMedian:F1} pairs/s");
                Console.WriteLine();
                Console.WriteLine($"| policy | views per pair | images/s ({store.Resolution} px stored -> {size} px) | pairs/s fed | x {experiment.Name} training |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                foreach (var row in rows)
                {
                    Console.WriteLine($"| {row.Policy} | {row.ViewsPerPair} | {row.ImagesPerSecond:F0} | {row.PairsPerSecond:F0} | {row.PairsPerSecond / training.PairsPerSecondMedian:F1}x |");
                }
                Console.WriteLine();
                Console.WriteLine($"medians of {steps} batches of {raw.shape[0]} real stored images after {warmup} warm-up, normalisation included; training pairs/s: median of {steps} steps.");
                return 0;
            }).ConfigureAwait(false);
        }, ct);
    }
}
