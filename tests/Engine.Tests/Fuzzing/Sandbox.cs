using ClipHost.Engine.IO;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// One case's folders: <c>in/</c> for its inputs and <c>root/</c> for everything the code under test may write. The
/// case folder sits alone in the target's folder, which sits alone in the test's temp folder, so a write outside
/// <c>root/</c> up to two levels above it shows as a new entry, and one into <c>in/</c> as a changed input.
/// </summary>
public sealed class Sandbox
{
    private readonly string _outer;
    private readonly string _target;
    private IReadOnlyList<string> _inputs = [];

    private Sandbox(string outer, string target, string folder)
    {
        (_outer, _target, Folder) = (outer, target, folder);
        Directory.CreateDirectory(In);
        Directory.CreateDirectory(Root);
    }

    public string Folder { get; }

    public string In => Path.Combine(Folder, "in");

    public string Root => Path.Combine(Folder, "root");

    public static Sandbox Create(string outer, string target, int index) =>
        new(outer, Path.Combine(outer, target), Path.Combine(outer, target, $"case-{index}"));

    /// <summary>Remembers the inputs as written, to tell later whether the code under test touched them.</summary>
    public void Seal() => _inputs = Snapshot(In);

    /// <summary>The first path written, removed or changed outside <see cref="Root"/>, or null.</summary>
    public string? Escape()
    {
        var beside = Unexpected(_outer, [Path.GetFileName(_target)])
            ?? Unexpected(_target, [Path.GetFileName(Folder)])
            ?? Unexpected(Folder, ["in", "root"]);
        if (beside is not null)
        {
            return beside;
        }
        var now = Snapshot(In);
        var changed = now.Except(_inputs).Concat(_inputs.Except(now)).FirstOrDefault();
        return changed is null ? null : $"input changed: {changed}";
    }

    public void Delete()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A hung case may still hold a file; the test's temp folder goes at its end anyway.
        }
    }

    private static string? Unexpected(string folder, string[] allowed) =>
        !Directory.Exists(folder) ? $"{folder} was removed"
            : Directory.EnumerateFileSystemEntries(folder).FirstOrDefault(e => !allowed.Contains(Path.GetFileName(e))) is { } extra ? $"written: {extra}"
            : allowed.Select(a => Path.Combine(folder, a)).FirstOrDefault(a => !Path.Exists(a) && !IsLink(a)) is { } gone ? $"removed: {gone}"
            : null;

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static List<string> Snapshot(string folder) =>
        [.. FileWalk.Enumerate(folder, CancellationToken.None)
            .Select(e => $"{e.RelativePath} {(e.IsLink ? "-> " + e.LinkTarget : new FileInfo(e.FullPath).Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}")
            .Order(StringComparer.Ordinal)];
}
