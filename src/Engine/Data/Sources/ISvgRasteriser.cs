namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Renders SVG documents to PNG for the SVG emoji styles. The engine starts no processes and installs nothing, so
/// the renderer (and the package it needs) is the host's to give.
/// </summary>
public interface ISvgRasteriser
{
    /// <summary>Installs or checks what rendering needs, before any drawing is rendered.</summary>
    Task EnsureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The PNG of <paramref name="svg"/> on white, fitted into a <paramref name="size"/>-pixel square keeping its
    /// aspect ratio; throws <see cref="InvalidDataException"/> saying why when the document cannot be rendered.
    /// </summary>
    byte[] Render(string svg, int size);
}
