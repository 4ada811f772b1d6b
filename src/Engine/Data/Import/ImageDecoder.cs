using SkiaSharp;

namespace ClipHost.Engine.Data.Import;

/// <summary>
/// Decodes with SkiaSharp, composites transparency on white and resizes to a square of the store's resolution.
/// Every failure comes back as a reason, never as an exception, so one bad file cannot stop an import.
/// </summary>
public sealed class ImageDecoder(int resolution, ImageFit fit, long maxPixels, long maxFileBytes)
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public int Resolution => resolution;

    public DecodeResult Decode(ImageInput input)
    {
        try
        {
            return input switch
            {
                ImageInput.File f => DecodeFile(f.Path),
                ImageInput.Encoded e => DecodeEncoded(e.Bytes),
                ImageInput.Rendered r => DecodeEncoded(r.Render()),
                ImageInput.Gray g => DecodeGray(g),
                _ => DecodeResult.Fail("unknown image input"),
            };
        }
        catch (InvalidDataException e)
        {
            return DecodeResult.Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return DecodeResult.Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    private DecodeResult DecodeFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return DecodeResult.Fail("file does not exist");
        }
        if (info.Length == 0)
        {
            return DecodeResult.Fail("empty file (0 bytes)");
        }
        if (info.Length > maxFileBytes)
        {
            return DecodeResult.Fail($"file is {info.Length} bytes, over the {maxFileBytes}-byte limit");
        }
        return DecodeEncoded(File.ReadAllBytes(path));
    }

    private DecodeResult DecodeEncoded(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return DecodeResult.Fail("empty file (0 bytes)");
        }
        if (bytes.Length > maxFileBytes)
        {
            return DecodeResult.Fail($"file is {bytes.Length} bytes, over the {maxFileBytes}-byte limit");
        }
        // The codec takes ownership of the stream; only a failed create leaves it to us.
        var stream = new SKMemoryStream(bytes);
        using var codec = SKCodec.Create(stream, out var status);
        if (codec is null)
        {
            stream.Dispose();
            return DecodeResult.Fail($"not a decodable image ({status})");
        }
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0)
        {
            return DecodeResult.Fail($"image has no pixels ({w}x{h})");
        }
        // The header is checked before any pixel memory is allocated: a 50000x50000 claim costs nothing.
        if ((long)w * h > maxPixels)
        {
            return DecodeResult.Fail($"image is {w}x{h} = {(long)w * h} pixels, over the {maxPixels}-pixel limit");
        }
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result == SKCodecResult.IncompleteInput)
        {
            return DecodeResult.Fail("truncated image (incomplete input)");
        }
        if (result != SKCodecResult.Success)
        {
            return DecodeResult.Fail($"decoding failed ({result})");
        }
        return Render(bitmap, w, h);
    }

    private DecodeResult DecodeGray(ImageInput.Gray gray)
    {
        if (gray.Pixels.Length != gray.Width * gray.Height)
        {
            return DecodeResult.Fail($"expected {gray.Width * gray.Height} gray pixels, got {gray.Pixels.Length}");
        }
        using var bitmap = new SKBitmap(new SKImageInfo(gray.Width, gray.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(gray.Pixels, 0, bitmap.GetPixels(), gray.Pixels.Length);
        return Render(bitmap, gray.Width, gray.Height);
    }

    private DecodeResult Render(SKBitmap source, int w, int h)
    {
        var target = new SKImageInfo(resolution, resolution, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = new SKBitmap(target);
        using (var canvas = new SKCanvas(surface))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            // Mipmapped linear sampling: cheap, and free of aliasing when large drawings shrink to a few pixels.
            canvas.DrawImage(image, SourceRect(w, h), DestRect(w, h), Sampling, null);
        }
        var rgba = surface.GetPixelSpan();
        var rgb = new byte[resolution * resolution * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return new DecodeResult(rgb, w, h, null);
    }

    private SKRect SourceRect(int w, int h)
    {
        if (fit == ImageFit.Pad || w == h)
        {
            return new SKRect(0, 0, w, h);
        }
        var side = Math.Min(w, h);
        var x = (w - side) / 2f;
        var y = (h - side) / 2f;
        return new SKRect(x, y, x + side, y + side);
    }

    private SKRect DestRect(int w, int h)
    {
        if (fit == ImageFit.Crop || w == h)
        {
            return new SKRect(0, 0, resolution, resolution);
        }
        var scale = (float)resolution / Math.Max(w, h);
        var (dw, dh) = (w * scale, h * scale);
        var (x, y) = ((resolution - dw) / 2, (resolution - dh) / 2);
        return new SKRect(x, y, x + dw, y + dh);
    }
}
