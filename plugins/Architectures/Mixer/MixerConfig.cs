namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>A fully resolved Mixer: what the module is built from.</summary>
public sealed record MixerConfig(int ImageSize, int Channels, int PatchSize, int Width, int Depth, int TokenMlp, int ChannelMlp)
{
    public int Tokens => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    public static MixerConfig Resolve(MixerOptions o, int imageSize, int channels)
    {
        var preset = o.Preset is null ? null : MixerPreset.Find(o.Preset);
        return new MixerConfig(
            imageSize,
            channels,
            o.PatchSize ?? preset?.PatchFor(imageSize) ?? 8,
            o.Width ?? preset!.Width,
            o.Depth ?? preset!.Depth,
            o.TokenMlp ?? preset!.TokenMlp,
            o.ChannelMlp ?? preset!.ChannelMlp);
    }
}
