using System.Text;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Tests.TestSupport;
using CsCheck;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// <see cref="CaptionedFolderSource"/> over generated trees: odd names, nested folders, images good, mutated, empty,
/// lying and random, captions missing, empty, non-UTF-8, oversized or linked, and symbolic links to ancestors, to
/// the file system's root, to files outside and to nothing; the folder is named with dot segments too.
/// </summary>
public sealed class FolderTarget : IFuzzTarget
{
    private static readonly string[] Folders = ["sub/", "", "sub/deep/", "ünï/", "sub/deep/er/", ".hidden/"];
    private static readonly string[] Extensions = [".png", ".jpg", ".PNG", ".gif", ".webp", ".bmp", ".jpeg", ".txt", ""];

    private static readonly (string Path, string Target)[] Links =
    [
        ("loop", ".."), ("self", "."), ("sub/up", "../.."), ("fsroot", "/"), ("etc.png", "/etc/passwd"), ("dangling.png", "nowhere.png"),
        ("twin.png", "sub/0.png"), ("sub/cap.png", "../etc.png"), ("proc", "/proc/self"),
    ];

    public string Name => "folder";

    public TimeSpan PerCase => TimeSpan.FromSeconds(20);

    public Gen<FuzzCase> Cases { get; } = Gen.Select(
        Gen.OneOf("tree", "my photos", "ünï", "-x", "...", new string('x', 200)),
        Gen.OneOf("", "/", "/.", "/./", "/sub/.."),
        File.Array[0, 10],
        Gen.Int[0, Links.Length - 1].Array[0, 3],
        (name, suffix, files, links) =>
        {
            var entries = files.SelectMany((f, i) => f(i)).Concat(links.Distinct().Select(l => new FolderTree.Entry(Links[l].Path, Target: Links[l].Target))).ToList();
            return new FuzzCase(name + suffix, new FolderTree(entries).ToBytes(), $"{files.Length} images, links {string.Join(",", links.Select(l => Links[l].Path))}");
        });

    /// <summary>An image and its caption, by kind; the index keeps two images from sharing a name by accident.</summary>
    private static Gen<Func<int, FolderTree.Entry[]>> File { get; } = Gen.Select(
        Gen.Int[0, Folders.Length - 1], FuzzInputs.Stem, Gen.Int[0, Extensions.Length - 1], Gen.Int[0, 7], Gen.Int[0, 7], Mutation.Of(FuzzInputs.Png, 3),
        (folder, stem, extension, image, caption, mutated) => new Func<int, FolderTree.Entry[]>(i =>
        {
            var safe = stem.Length == 0 || stem.Contains('/', StringComparison.Ordinal) || stem is "." or ".." ? "x" : stem;
            var path = $"{Folders[folder]}{(i == 0 ? "0" : safe + i)}{Extensions[extension]}";
            var bytes = image switch
            {
                0 => FuzzInputs.Png,
                1 => FuzzInputs.Jpeg,
                2 => mutated.Bytes,
                3 => [],
                4 => TestImages.PngClaiming(70_000, 70_000),
                5 => TestImages.RandomBytes(200, i),
                6 => FuzzInputs.Gif,
                _ => FuzzInputs.Bmp,
            };
            var captionPath = System.IO.Path.ChangeExtension(path, ".txt");
            FolderTree.Entry? captionEntry = caption switch
            {
                0 => new(captionPath, Encoding.UTF8.GetBytes("a caption")),
                1 => null,
                2 => new(captionPath, []),
                3 => new(captionPath, Encoding.UTF8.GetBytes(" \n\t ")),
                4 => new(captionPath, [0x63, 0x61, 0xE9, 0xFF, 0x00]),
                5 => new(captionPath, Size: CaptionedFolderSource.MaxCaptionFileBytes + 1),
                6 => new(captionPath, Target: "/etc/hostname"),
                _ => new(captionPath, Encoding.UTF8.GetBytes(new string('w', 5000))),
            };
            return captionEntry is null || captionPath == path ? [new(path, bytes)] : [new(path, bytes), captionEntry];
        }));

    public void Setup(FuzzCase input, Sandbox sandbox)
    {
        var name = input.FileName.Split('/')[0];
        FolderTree.FromBytes(input.Bytes).Write(Path.Combine(sandbox.In, name));
    }

    public Outcome Execute(FuzzCase input, Sandbox sandbox, CancellationToken cancellationToken) =>
        ImportJudge.Run(new CaptionedFolderSource(Path.Combine(sandbox.In, input.FileName)), ImportJudge.Options(sandbox), input.FileName.Split('/')[0], cancellationToken);
}
