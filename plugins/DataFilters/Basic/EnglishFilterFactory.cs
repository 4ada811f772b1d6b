using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"english": DataComp's basic filtering keeps English captions; here by a word-list heuristic.</summary>
public sealed class EnglishFilterFactory : PluginComponent<EnglishOptions>, IDataFilterFactory
{
    public override string Id => "english";

    public override Version Version => typeof(EnglishFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Keep pairs whose primary caption looks English: the share of its words in an English word list (wamerican)";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new EnglishFilter(BindValid(options, "options"));
}
