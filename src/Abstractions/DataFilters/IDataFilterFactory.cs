namespace ClipHost.Abstractions.DataFilters;

/// <summary>Builds data filters of one kind from validated options (see <see cref="IPluginComponent.Validate"/>).</summary>
public interface IDataFilterFactory : IPluginComponent
{
    /// <summary>Builds the filter.</summary>
    /// <param name="options">Valid options.</param>
    /// <returns>The filter.</returns>
    IDataFilter Create(JsonElement? options);
}
