using System.CommandLine;
using ClipHost.Engine.Benchmarks;

namespace ClipHost.Host.Cli;

/// <summary>The options of `clip-host bench`.</summary>
public sealed class BenchOptions
{
    public Option<int> Steps { get; } = new("--steps") { Description = "Measured steps (300 also reports memory at steps 100 and 300)", DefaultValueFactory = _ => 12 };
    public Option<int> Warmup { get; } = new("--warmup") { Description = "Unmeasured steps first", DefaultValueFactory = _ => 3 };
    public Option<int> Batch { get; } = new("--batch") { Description = "Batch size", DefaultValueFactory = _ => TrainBenchmark.BatchSize };
    public Option<string> Precision { get; } = new("--precision") { Description = "fp32, bf16-mixed, or all (both in one run, side by side)", DefaultValueFactory = _ => "fp32" };
    public Option<string?> Architecture { get; } = new("--architecture") { Description = "Train this image tower instead of the preset's (with the preset's text tower)" };
    public Option<string?> Options { get; } = new("--options") { Description = "The image tower's options as JSON, e.g. '{\"preset\": \"mini\"}'" };
    public Option<int> ImageSize { get; } = new("--image-size") { Description = "Image side for --architecture and --presets", DefaultValueFactory = _ => 64 };
    public Option<string[]> Strategies { get; } = new("--strategy") { Description = "Strategies to train, side by side in this run (default clip), e.g. --strategy clip --strategy flip", DefaultValueFactory = _ => ["clip"], AllowMultipleArgumentsPerToken = true };
    public Option<bool> Augmentations { get; } = new("--augmentations") { Description = "Images/s of every augmentation policy on the stored pixels of --config's training data, against that experiment's own training pairs/s" };
    public Option<FileInfo> Experiment { get; } = new("--config") { Description = "The experiment --augmentations measures against", DefaultValueFactory = _ => new FileInfo(Path.Combine("experiments", "quickstart.json")) };
    public Option<bool> Presets { get; } = new("--presets") { Description = "Every preset of every architecture (or of --architecture; or the preset named in --options): parameters, GFLOPs at 224 px and --image-size, tokens, and pairs/s at --image-size, as a Markdown table" };
    public Option<bool> Profile { get; } = new("--profile") { Description = "Also time each kind of op (matmul modules, attention, norms, activations, casts, loss) and each phase of the step (backward, master copies, optimizer), median ms per step and share of the step, side by side per precision" };
    public Option<bool> Probe { get; } = new("--probe") { Description = "Time the linear probe (one fit, and the L2 search plus refit) on 10,000 x 512 synthetic features with 10 classes; --steps runs, median" };
    public Option<bool> Eval { get; } = new("--eval") { Description = "Image and text embeddings/s of the preset (or --architecture's tower) in inference, in --precision, and the linear probe's time" };

    public void AddTo(Command command)
    {
        Precision.AcceptOnlyFromAmong("fp32", "bf16-mixed", "all");
        foreach (var option in new Option[] { Steps, Warmup, Batch, Precision, Architecture, Options, ImageSize, Strategies, Presets, Augmentations, Experiment, Probe, Profile, Eval })
        {
            command.Options.Add(option);
        }
    }
}
