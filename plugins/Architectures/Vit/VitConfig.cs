namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>A fully resolved ViT: what the module is built from.</summary>
public sealed record VitConfig(int ImageSize, int Channels, int PatchSize, int Width, int Depth, int Heads, int MlpWidth, bool ClassToken)
{
    public int Grid => ImageSize / PatchSize;

    public int PatchCount => Grid * Grid;

    public static VitConfig Resolve(VitOptions o, int imageSize, int channels)
    {
        var preset = o.Preset is null ? null : VitPreset.Find(o.Preset);
        var width = o.Width ?? preset!.Width;
        return new VitConfig(
            imageSize,
            channels,
            o.PatchSize ?? preset?.PatchFor(imageSize) ?? 8,
            width,
            o.Depth ?? preset!.Depth,
            o.Heads ?? preset!.Heads,
            (int)Math.Round(width * o.MlpRatio),
            o.Pool == "cls");
    }
}
