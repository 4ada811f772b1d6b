using ClipHost.Abstractions.Options;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>A fully resolved Swin: what the module is built from, and the per-stage geometry it implies.</summary>
public sealed record SwinConfig(
    int ImageSize,
    int Channels,
    int PatchSize,
    int EmbedDim,
    IReadOnlyList<int> Depths,
    IReadOnlyList<int> Heads,
    int WindowSize,
    double MlpRatio,
    double DropPath)
{
    public const int Stages = 4;

    /// <summary>Tokens per side entering stage 0.</summary>
    public int Grid => ImageSize / PatchSize;

    /// <summary>The feature-map side of stage <paramref name="stage"/>: every stage after the first halves it.</summary>
    public int SideAt(int stage) => Grid >> stage;

    public int WidthAt(int stage) => EmbedDim << stage;

    public int HiddenAt(int stage) => (int)Math.Round(WidthAt(stage) * MlpRatio);

    /// <summary>As the original: a map no larger than the window is one window, so shifting it would only wrap it onto itself.</summary>
    public int WindowAt(int stage) => Math.Min(WindowSize, SideAt(stage));

    public int ShiftAt(int stage) => SideAt(stage) <= WindowSize ? 0 : WindowSize / 2;

    public static SwinConfig Resolve(SwinOptions o, int imageSize, int channels)
    {
        var preset = SwinPreset.Find(o.Preset) ?? throw new ArgumentException($"unknown Swin preset '{o.Preset}'", nameof(o));
        var patch = o.PatchSize ?? preset.PatchFor(imageSize);
        return new SwinConfig(
            imageSize,
            channels,
            patch,
            o.EmbedDim ?? preset.EmbedDim,
            o.Depths ?? preset.Depths,
            o.Heads ?? preset.Heads,
            o.WindowSize ?? preset.WindowFor(imageSize / patch),
            o.MlpRatio,
            o.DropPath);
    }

    /// <summary>What stops this geometry from being built: the patch grid, the three halvings, the windows.</summary>
    public IReadOnlyList<OptionError> Check(string fieldPath)
    {
        if (ImageSize % PatchSize != 0)
        {
            return [new OptionError($"{fieldPath}.patchSize", $"patch {PatchSize} does not divide the image side {ImageSize}")];
        }
        if (Grid % (1 << (Stages - 1)) != 0)
        {
            return [new OptionError(
                $"{fieldPath}.patchSize",
                $"the {Grid}x{Grid} token map (image {ImageSize} / patch {PatchSize}) cannot be halved three times for the four stages; image / patch must be a multiple of 8")];
        }
        var sides = string.Join(", ", Enumerable.Range(0, Stages).Select(SideAt));
        var stage = Enumerable.Range(0, Stages).FirstOrDefault(s => SideAt(s) > WindowSize && SideAt(s) % WindowSize != 0, -1);
        return stage < 0
            ? []
            : [new OptionError(
                $"{fieldPath}.windowSize",
                $"window {WindowSize} does not divide stage {stage}'s {SideAt(stage)}x{SideAt(stage)} feature map; the stage maps are {sides}, and the window must divide every one larger than it")];
    }
}
