namespace ClipHost.Engine.Data.Import;

/// <summary>A decoded, resized RGB image, or the reason it could not be made.</summary>
public readonly record struct DecodeResult(byte[]? Rgb, int Width, int Height, string? Error)
{
    public static DecodeResult Fail(string error) => new(null, 0, 0, error);
}
