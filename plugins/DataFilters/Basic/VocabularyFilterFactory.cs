using System.Text.Json;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"vocabulary": text-based selection by the words a caption mentions.</summary>
public sealed class VocabularyFilterFactory : PluginComponent<VocabularyOptions>, IDataFilterFactory
{
    public override string Id => "vocabulary";

    public override Version Version => typeof(VocabularyFilterFactory).Assembly.GetName().Version!;

    public override string Description => "Keep pairs whose primary caption mentions any (or all) of the given terms, as whole words";

    public override PluginKind Kind => PluginKind.DataFilter;

    public IDataFilter Create(JsonElement? options) => new VocabularyFilter(BindValid(options, "options"));
}
