using System.Diagnostics;
using System.Text;
using ClipHost.Engine.Data.Sources;

namespace ClipHost.Packages;

/// <summary>
/// Rasterises SVG documents to PNG with librsvg's rsvg-convert (Debian librsvg2-bin, installed through
/// <paramref name="packages"/> like the data packages), on white, fitted into a square keeping the aspect ratio.
/// librsvg rather than Svg.Skia: the only Svg.Skia the registry serves (5.2.3) is built against SkiaSharp 4.148,
/// and this repository's SkiaSharp 3.119 makes the compiler refuse it (CS1705); librsvg is GNOME's renderer, handles
/// the sets' gradients, masks and filters, and paints currentColor black, which is what a line-art set means. One
/// process per drawing (92 drawings/s on two quiet cores, 40 on loaded ones), run one per core by the importer's parallel decode.
/// </summary>
public sealed class LibrsvgRasteriser(IDataPackages packages) : ISvgRasteriser
{
    private const string Tool = "/usr/bin/rsvg-convert";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public Task EnsureAsync(CancellationToken cancellationToken) => packages.EnsureAptAsync(["librsvg2-bin"], Tool, cancellationToken);

    /// <inheritdoc />
    public byte[] Render(string svg, int size)
    {
        var start = new ProcessStartInfo(Tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--width", $"{size}", "--height", $"{size}", "--keep-aspect-ratio", "--background-color", "white", "--format", "png"])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Tool} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = new MemoryStream();
        var read = process.StandardOutput.BaseStream.CopyToAsync(output);
        try
        {
            using var input = process.StandardInput.BaseStream;
            input.Write(Encoding.UTF8.GetBytes(svg));
        }
        catch (IOException)
        {
            // It stopped reading (a parse error part way): its exit code and message below say why.
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidDataException($"took over {Timeout.TotalSeconds:0} s to render");
        }
        Task.WaitAll(read, error);
        if (process.ExitCode != 0 || output.Length == 0)
        {
            var why = error.Result.Trim().ReplaceLineEndings(" ");
            throw new InvalidDataException($"is refused by librsvg: {(why.Length > 0 ? why : $"rsvg-convert exit {process.ExitCode}")}");
        }
        return output.ToArray();
    }
}
