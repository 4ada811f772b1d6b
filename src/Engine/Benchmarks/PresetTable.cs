using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Model;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>
/// Every preset of every loaded architecture: parameters and forward GFLOPs at 224 px and at the bench size, counted from
/// the built modules, and the training pairs/s that <see cref="TrainBenchmark"/> measures at the bench size.
/// </summary>
public sealed class PresetTable(IComponentRegistry registry, TrainBenchmark bench)
{
    public const int PaperSize = 224;

    /// <param name="onlyArchitecture">Measure this architecture's presets only, or null for all.</param>
    /// <param name="onlyPreset">Measure this preset only, or null for all.</param>
    public IEnumerable<PresetRow> Measure(Device device, int imageSize, int batchSize, int steps, int warmup, string? onlyArchitecture, string? onlyPreset, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var id in registry.EncoderIds.Where(id => onlyArchitecture is null || id == onlyArchitecture).Order(StringComparer.Ordinal))
        {
            if (registry.FindEncoder(id) is not { } factory || factory is not IEncoderPresets presets)
            {
                continue;
            }
            foreach (var preset in presets.Presets.Where(p => onlyPreset is null || string.Equals(p, onlyPreset, StringComparison.OrdinalIgnoreCase)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"{id} {preset}");
                var options = JsonDocument.Parse(JsonSerializer.Serialize(new { preset })).RootElement;
                var (parameters, gflops224, tokens224, _) = Count(factory, options, PaperSize);
                var (_, gflopsSmall, tokensSmall, refusal) = Count(factory, options, imageSize);
                BenchResult? measured = null;
                if (refusal is null)
                {
                    var vision = new ImageTowerConfig { Architecture = id, ImageSize = imageSize, Options = options };
                    measured = bench.Run(new TrainBenchRequest { Device = device, Steps = steps, Warmup = warmup, BatchSize = batchSize, Vision = vision, MeasurePeak = false }, null, cancellationToken);
                }
                yield return new PresetRow(id, preset, parameters, gflops224, gflopsSmall, tokens224, tokensSmall, measured, refusal);
            }
        }
    }

    private static (long Parameters, double? Gflops, int Tokens, string? Refusal) Count(IImageEncoderFactory factory, JsonElement options, int imageSize)
    {
        var context = new ImageEncoderContext(imageSize, 3, 0);
        var errors = factory.Validate(options, context, "options");
        if (errors.Count > 0)
        {
            return (0, null, 0, string.Join("; ", errors.Select(e => e.ToString())));
        }
        using var encoder = factory.Create(options, context);
        var parameters = encoder.parameters().Sum(p => p.numel());
        return (parameters, 2.0 * encoder.ForwardMacs(imageSize) / 1e9, factory.Describe(options, context).PatchCount, null);
    }
}
