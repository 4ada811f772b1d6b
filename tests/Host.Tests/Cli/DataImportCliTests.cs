namespace ClipHost.Host.Tests.Cli;

/// <summary>`clip-host data import` and `data list` as a user meets them.</summary>
public sealed class DataImportCliTests
{
    [Fact]
    public async Task ImportFolder_OfOnlyBrokenFiles_ReportsEachAndExitsNonZeroWithoutAStore()
    {
        using var dir = new TempDir();
        dir.Write("in/zero.png", []);
        dir.Write("in/zero.txt", "empty file");
        dir.Write("in/garbage.png", [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        dir.Write("in/garbage.txt", "random bytes");
        dir.Write("in/cut.png", Images.Png(64, 1)[..300]);
        dir.Write("in/cut.txt", "truncated");

        var result = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing imported", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no store was written", result.Stderr, StringComparison.Ordinal);
        foreach (var name in new[] { "zero.png", "garbage.png", "cut.png" })
        {
            Assert.Contains($"skipped {name}:", result.Stderr, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "in")));
        Assert.Empty(Directory.Exists(dir.Combine("data", "stores")) ? Directory.EnumerateFileSystemEntries(dir.Combine("data", "stores")) : []);
    }

    [Fact]
    public async Task ImportFolder_Mixed_PrintsSummaryAndListShowsTheStore()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", Images.Png(32, 1));
        dir.Write("in/a.txt", "first");
        dir.Write("in/b.png", Images.Png(32, 2));
        dir.Write("in/b.txt", "second");
        dir.Write("in/bad.png", [0xFF, 0xD8, 0xFF]);
        dir.Write("in/bad.txt", "broken jpeg");

        var import = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data"), "--name", "mine"]);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("folder: imported 2, skipped 1", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped bad.png:", import.Stdout, StringComparison.Ordinal);
        var list = await ClipHostProcess.RunAsync(["data", "list", "--root", dir.Combine("data")]);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"mine\s+folder\s+2\s", list.Stdout);
    }

    [Fact]
    public async Task ImportCsv_ManifestNamedDotDot_WithReplace_IsRefusedBeforeAnythingIsDeleted()
    {
        using var dir = new TempDir();
        dir.Write("in/a.png", Images.Png(32, 1));
        dir.Write("in/a.txt", "first");
        var kept = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data"), "--name", "kept"]);
        Assert.Equal(0, kept.ExitCode);
        var manifest = dir.Write("in/...csv", "filepath,caption\na.png,first\n");

        var result = await ClipHostProcess.RunAsync(["data", "import", "csv", manifest, "--root", dir.Combine("data"), "--replace"]);

        Assert.True(result.ExitCode == 2, result.All);
        // The same field as POST /api/imports names: the command's validator refuses it before the importer runs.
        Assert.Contains("csv: name: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(manifest, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--name", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("data", "stores", "kept", "manifest.json")), "the existing store was deleted");
        Assert.Equal(["data", "in"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["kept"], Directory.EnumerateFileSystemEntries(dir.Combine("data", "stores")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ImportCsv_WithMissingColumn_NamesTheColumn()
    {
        using var dir = new TempDir();
        var manifest = dir.Write("pairs.csv", "path,text\na.png,x\n");

        var result = await ClipHostProcess.RunAsync(["data", "import", "csv", manifest, "--root", dir.Combine("data")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no column 'filepath'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithBadOption_IsRefusedNamingTheField()
    {
        using var dir = new TempDir();
        var result = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Path, "--root", dir.Combine("data"), "--resolution", "2"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("import.resolution", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEmoji_ReservedOrUnknownStyle_IsRefusedNamingItBeforeAnyDownload()
    {
        using var dir = new TempDir();
        var result = await ClipHostProcess.RunAsync(["data", "import", "emoji", "--styles", "twitter,openmoji", "comic", "--root", dir.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("emoji style 'openmoji' is reserved for the project's independent evaluation", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown emoji style 'comic'; use twitter, google, apple, facebook, fluent-flat", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("styles", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("data")), "the refused import wrote or downloaded something");
    }

    [Fact]
    public async Task AnyVerb_WithBadConfiguration_IsRefusedBeforeWork()
    {
        using var dir = new TempDir();
        var result = await ClipHostProcess.RunAsync(["data", "list", "--root", dir.Path], new Dictionary<string, string> { ["CLIPHOST_Data__TestFraction"] = "2" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration error", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("TestFraction", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEverySource()
    {
        var result = await ClipHostProcess.RunAsync(["data", "import", "--help"]);
        Assert.Equal(0, result.ExitCode);
        foreach (var source in new[] { "emoji", "openclipart", "fashion-mnist", "csv", "folder", "webdataset", "all" })
        {
            Assert.Contains(source, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KilledImport_LeavesNoCompleteLookingStore_AndTheNextImportSucceeds()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 1500; i++)
        {
            dir.Write($"in/{i:D5}.png", Images.Png(96, i % 50));
            dir.Write($"in/{i:D5}.txt", $"noise {i}");
        }
        var stores = dir.Combine("data", "stores");

        using (var process = ClipHostProcess.Start(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data"), "--name", "big"]))
        {
            // Kill it the moment it has started writing, as a crash or a power cut would.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(Directory.Exists(stores) && Directory.EnumerateDirectories(stores, ".partial-*").Any()) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
            Assert.False(process.HasExited, "the import finished before it could be killed; make the input larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(Directory.Exists(Path.Combine(stores, "big")));
        var list = await ClipHostProcess.RunAsync(["data", "list", "--root", dir.Combine("data")]);
        Assert.Contains("unfinished import, ignored", list.Stdout, StringComparison.Ordinal);

        var again = await ClipHostProcess.RunAsync(["data", "import", "folder", dir.Combine("in"), "--root", dir.Combine("data"), "--name", "big"]);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal([Path.Combine(stores, "big")], Directory.EnumerateDirectories(stores));
    }
}
