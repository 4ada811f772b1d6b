using System.Diagnostics;
using System.Text;
using SkiaSharp;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// Rasterises SVG documents to PNG with librsvg's rsvg-convert (Debian librsvg2-bin), on white, fitted into a
/// square of <paramref name="size"/> pixels keeping the aspect ratio. librsvg rather than Svg.Skia: the only
/// Svg.Skia the registry serves (5.2.3) is built against SkiaSharp 4.148, and this repository's SkiaSharp 3.119
/// (which ScottPlot also needs) makes the compiler refuse it (CS1705); librsvg is GNOME's renderer, handles the
/// sets' gradients, masks and filters, and paints currentColor black, which is what a line-art set means.
/// </summary>
public sealed class SvgRasteriser(int size = SvgRasteriser.DefaultSize)
{
    /// <summary>The size the PNG styles are read at; the store fits both kinds the same way after.</summary>
    public const int DefaultSize = 64;

    public const string Tool = "/usr/bin/rsvg-convert";
    public const string AptPackage = "librsvg2-bin";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The PNG of <paramref name="svg"/>; throws <see cref="InvalidDataException"/> naming why when librsvg refuses it or it renders blank.</summary>
    public byte[] Render(string svg)
    {
        var png = Convert(svg);
        if (IsBlank(png))
        {
            throw new InvalidDataException("renders blank (every pixel one colour)");
        }
        return png;
    }

    private byte[] Convert(string svg)
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

    /// <summary>A body that draws nothing (or only something white) is no picture of the emoji.</summary>
    private static bool IsBlank(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("gave rsvg-convert no decodable PNG");
        var first = bitmap.GetPixel(0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y) != first)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
