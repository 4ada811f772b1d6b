using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;

namespace ClipHost.Engine.Tests.Filtering;

/// <summary>The english filter on real captions: clip-art titles (English, Italian, French, uploader junk) and emoji labels.</summary>
public sealed class EnglishFilterTests(EmojiStoreFixture data)
{
    private static readonly EnglishFilterFactory Factory = new();

    // Works whose titles are, by who drew them, English, Italian, French or junk ("gramastar" on every one).
    private static readonly (string Creator, string Language)[] Creators =
    [
        ("Gerald G.", "english"), ("Danny Allen", "english"), ("Architetto Francesco Rollandin", "italian"),
        ("yves GUILLOU", "french"), ("codifiedivining", "junk"),
    ];

    private static Task EnsureWordListAsync() =>
        Importer.RealPackages().EnsureAptAsync(["wamerican"], EnglishOptions.DefaultDictionary, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("Turkey on Platter")]
    [InlineData("Ice Cream Cone (3 scoop)")]
    [InlineData("international maritime signal flag hotel")]
    [InlineData("Hotel Icon In Room Hair Dryer")]
    [InlineData("man in chair - thinking")]
    [InlineData("Part of the Flat Icon Collection (Wed Aug 25 23:29:46 2004)")]
    [InlineData("StopSign")]
    [InlineData("lightbulb-brightlit")]
    [InlineData("Tanzania")]
    [InlineData("flag: Tanzania")]
    public async Task EnglishTitles_AreKept(string title)
    {
        await EnsureWordListAsync();
        var result = FilterHarness.Apply(Factory, "{}", MemoryDataset.OfCaptions(title));
        Assert.True(result.Kept.Count == 1, $"'{title}' dropped: {result.DropReasons!.GetValueOrDefault(0)}");
    }

    [Theory]
    [InlineData("Gatto Nero", "english share 0.00 < 0.5 ('Gatto Nero')")]
    [InlineData("Bottiglia di vino pregiato", "english share 0.00 < 0.5 ('Bottiglia di vino pregiato')")]
    [InlineData("Le mie tigri preferite", "english share 0.00 < 0.5 ('Le mie tigri preferite')")]
    [InlineData("Sedia e ombrelloni", "english share 0.00 < 0.5 ('Sedia e ombrelloni')")]
    [InlineData("protection obligatoire pieds", "english share 0.33 < 0.5 ('protection obligatoire pieds')")]
    [InlineData("extincteur", "english share 0.00 < 0.5 ('extincteur')")]
    [InlineData("Telefono (email: frollandin@email.it)", "english share 0.33 < 0.5 ('Telefono (email: frollandin@email.it)')")]
    [InlineData("ralf@ark.in-berlin.de", "english share 0.00 < 0.5 ('ralf@ark.in-berlin.de')")]
    [InlineData("gramastar", "english share 0.00 < 0.5 ('gramastar')")]
    [InlineData("Кот и собака", "latin letters 0.00 < 0.9 ('Кот и собака')")]
    [InlineData("2004 - 3", "0 words < 1 ('2004 - 3')")]
    public async Task ForeignAndJunkTitles_AreDropped_SayingWhy(string title, string reason)
    {
        await EnsureWordListAsync();
        var result = FilterHarness.Apply(Factory, "{}", MemoryDataset.OfCaptions(title));
        Assert.Empty(result.Kept);
        Assert.Equal(reason, result.DropReasons![0]);
    }

    [Fact]
    public async Task ClipArtStore_KeepsTheEnglishDrawers_DropsTheItalianAndTheJunk()
    {
        await EnsureWordListAsync();
        var pngs = await ClipArt.PngsAsync();
        var byCreator = pngs.GroupBy(ClipArt.Creator).Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.ToList());
        var chosen = Creators.SelectMany(c => ClipArt.Spread(byCreator[c.Creator], 40).Select(rel => (rel, c.Language))).ToDictionary(p => p.rel, p => p.Language);
        using var dir = new TempDir();
        using var store = await ClipArt.ImportAsync(chosen.Keys, dir);

        var result = FilterHarness.Apply(Factory, "{}", store);

        var kept = result.Kept.ToHashSet();
        var keptShare = store.Samples.GroupBy(s => chosen[s.Key])
            .ToDictionary(g => g.Key, g => (double)g.Count(s => kept.Contains(s.Id)) / g.Count());
        var summary = string.Join(", ", keptShare.Select(p => $"{p.Key} {p.Value:P0}"));
        Assert.True(keptShare["english"] >= 0.9, summary);
        Assert.True(keptShare["italian"] <= 0.5, summary);
        Assert.Equal(0.0, keptShare["junk"]);
        // French shares much of its vocabulary with English ("protection", "danger", "direction"): a weak spot, but
        // still well below the English drawers.
        Assert.True(keptShare["french"] <= keptShare["english"] - 0.15, summary);
        Assert.All(result.Kept, id => Assert.True(result.Scores![id] >= 0.5f));
        Assert.All(result.DropReasons!.Keys, id => Assert.Contains(store.Samples[id].Captions[0][..Math.Min(20, store.Samples[id].Captions[0].Length)], result.DropReasons[id], StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmojiLabels_AreAlmostAllKept()
    {
        await EnsureWordListAsync();
        using var store = ClipStore.Open(Path.Combine(data.StoresRoot, EmojiStoreFixture.Store));

        var result = FilterHarness.Apply(Factory, "{}", store);

        var dropped = result.DropReasons!.Values.Take(12);
        Assert.True(result.Kept.Count >= 0.95 * store.Count, $"kept {result.Kept.Count} of {store.Count}; e.g. {string.Join("; ", dropped)}");
    }

    [Fact]
    public async Task StricterShare_KeepsASubset_AndScoresAreTheShare()
    {
        await EnsureWordListAsync();
        var titles = MemoryDataset.OfCaptions("red apple", "red mela", "mela rossa", "Lemon SVG theme", "Gatto Cat");
        var loose = FilterHarness.Apply(Factory, """{ "minEnglishShare": 0.5 }""", titles);
        var strict = FilterHarness.Apply(Factory, """{ "minEnglishShare": 1 }""", titles);

        Assert.Equal([0, 1, 3, 4], loose.Kept);
        Assert.Equal([0], strict.Kept);
        Assert.Equal([1f, 0.5f, 0f, 2f / 3, 0.5f], loose.Scores!.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal("english share 0.67 < 1 ('Lemon SVG theme')", strict.DropReasons![3]);
    }

    [Theory]
    [InlineData("""{ "minEnglishShare": 1.5 }""", "options.minEnglishShare")]
    [InlineData("""{ "minEnglishShare": -0.1 }""", "options.minEnglishShare")]
    [InlineData("""{ "minLatinShare": 2 }""", "options.minLatinShare")]
    [InlineData("""{ "minWords": 0 }""", "options.minWords")]
    [InlineData("""{ "dictionary": "" }""", "options.dictionary")]
    [InlineData("""{ "dictionary": "/nonexistent/words" }""", "options.dictionary")]
    public async Task BadOptions_AreRefused_NamingTheField(string options, string field)
    {
        await EnsureWordListAsync();
        var errors = Factory.Validate(FilterHarness.Json(options), "options");
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void MissingWordList_IsRefused_SayingHowToInstallIt()
    {
        var errors = Factory.Validate(FilterHarness.Json("""{ "dictionary": "/nonexistent/american-english" }"""), "filters[0].options");
        var error = Assert.Single(errors);
        Assert.Equal("filters[0].options.dictionary", error.Field);
        Assert.Contains("apt-get install wamerican", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_Validate()
    {
        await EnsureWordListAsync();
        Assert.Empty(Factory.Validate(null, "options"));
        Assert.Empty(Factory.Validate(FilterHarness.Json("""{ "minEnglishShare": 0.8, "minLatinShare": 0.5, "minWords": 2 }"""), "options"));
    }
}
