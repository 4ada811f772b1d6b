namespace ClipHost.Engine.IO;

/// <summary>Reads a text file a config names, refusing one larger than a bound before reading it into memory.</summary>
public static class BoundedText
{
    /// <summary>The file's text, or the reason it cannot be had (missing, a folder, too large, unreadable, not UTF-8).</summary>
    public static (string? Text, string? Problem) Read(string path, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, Directory.Exists(path) ? $"{path} is a folder, not a file" : $"{path} does not exist");
            }
            if (info.Length > maxBytes)
            {
                return (null, $"{path} is {info.Length} bytes, over the limit of {maxBytes}");
            }
            // The file may grow after the check: read at most one byte past the bound, and refuse if that byte came.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[Math.Min(info.Length, maxBytes) + 1];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return read > maxBytes
                ? (null, $"{path} is over the limit of {maxBytes} bytes")
                : (new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, read).TrimStart('\uFEFF'), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return (null, $"{path} cannot be read: {e.Message}");
        }
    }
}
