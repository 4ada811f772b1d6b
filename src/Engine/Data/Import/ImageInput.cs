namespace ClipHost.Engine.Data.Import;

/// <summary>Where a candidate's image comes from.</summary>
public abstract record ImageInput
{
    private ImageInput()
    {
    }

    /// <summary>An encoded image file (PNG, JPEG, WebP, ...), read when decoded so file I/O runs in parallel too.</summary>
    public sealed record File(string Path) : ImageInput;

    /// <summary>Encoded bytes already in memory (a tar member).</summary>
    public sealed record Encoded(byte[] Bytes) : ImageInput;

    /// <summary>
    /// Encoded bytes made when decoded (an SVG rasterised), so the making runs in parallel too; <paramref name="Render"/>
    /// throws <see cref="InvalidDataException"/> with the reason the sample is skipped.
    /// </summary>
    public sealed record Rendered(Func<byte[]> Render) : ImageInput;

    /// <summary>Raw 8-bit grayscale pixels (IDX files).</summary>
    public sealed record Gray(byte[] Pixels, int Width, int Height) : ImageInput;
}
