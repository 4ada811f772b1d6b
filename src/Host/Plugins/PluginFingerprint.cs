using System.Security.Cryptography;
using System.Text;
using ClipHost.Engine.IO;

namespace ClipHost.Host.Plugins;

/// <summary>
/// What identifies a plugin folder's content cheaply: every file's relative path, size and write time, and every link's
/// target. Links are not followed, so a link to an ancestor cannot make the scan loop (and hang the catalog's lock).
/// </summary>
internal static class PluginFingerprint
{
    public static string Of(string folder, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        try
        {
            foreach (var entry in FileWalk.Enumerate(folder, cancellationToken).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
            {
                text.Append(entry.RelativePath).Append('|');
                if (entry.IsLink)
                {
                    text.Append("-> ").Append(entry.LinkTarget).Append('\n');
                    continue;
                }
                var info = new FileInfo(entry.FullPath);
                text.Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }
        catch (IOException)
        {
            text.Append("unreadable:").Append(DateTime.UtcNow.Ticks);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
