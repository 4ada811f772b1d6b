namespace ClipHost.Engine.Benchmarks;

/// <summary>One architecture preset as `clip-host bench --presets` measured it.</summary>
/// <param name="Architecture">The encoder id.</param>
/// <param name="Preset">The preset name.</param>
/// <param name="Parameters">Image-tower parameters at 224 px (position tables grow with the image).</param>
/// <param name="Gflops224">Image-tower forward GFLOPs per image at 224 px, or null when the preset does not fit 224 px.</param>
/// <param name="GflopsSmall">Image-tower forward GFLOPs per image at the bench size, or null when it does not fit.</param>
/// <param name="Tokens224">Patch tokens at 224 px (0: no patch tokens).</param>
/// <param name="TokensSmall">Patch tokens at the bench size.</param>
/// <param name="Bench">The training measurement at the bench size, or null when the preset does not fit it.</param>
/// <param name="Refusal">Why the preset does not fit the bench size, when it does not.</param>
public sealed record PresetRow(string Architecture, string Preset, long Parameters, double? Gflops224, double? GflopsSmall, int Tokens224, int TokensSmall, BenchResult? Bench, string? Refusal);
