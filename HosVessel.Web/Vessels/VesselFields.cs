using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HosVessel.Web.Vessels;

/// <summary>
/// What a person or a file supplies for one vessel, as typed (so a form can show it back). Each property has its
/// row in <see cref="VesselFieldTable"/>, which gives its key (form, JSON, CSV and column name), label and rules.
/// </summary>
[ModelBinder(typeof(VesselFieldsBinder))]
public class VesselFields
{
    public string? Name { get; set; }
    public string? ImoNo { get; set; }
    public string? ShipCode { get; set; }
    public string? ShipType { get; set; }
    public string? Size { get; set; }
    public string? Flag { get; set; }
    public string? Ro { get; set; }
    public string? Class { get; set; }
    public string? BuiltYear { get; set; }
    public string? Shipyard { get; set; }
    public string? Finance { get; set; }
    public string? Tic { get; set; }
    public string? Crew { get; set; }
    public string? Callsign { get; set; }
    public string? InternalAudit { get; set; }

    /// <summary>Each value cleaned by its field's rule (trimmed, empty as none, codes upper-cased), ready to store.</summary>
    public VesselFields Cleaned() => Copy(field => field.Clean(field.Get(this)));

    /// <summary>The values alone, without whatever a subclass adds.</summary>
    public VesselFields ToFields() => Copy(field => field.Get(this));

    private static VesselFields Copy(Func<VesselField, string?> value)
    {
        var copy = new VesselFields();
        foreach (var field in VesselFieldTable.All)
        {
            field.Set(copy, value(field));
        }
        return copy;
    }
}

/// <summary>Binds a form (or query string) by the table's keys, so the keys are written nowhere else.</summary>
public sealed class VesselFieldsBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var fields = new VesselFields();
        foreach (var field in VesselFieldTable.All)
        {
            var value = bindingContext.ValueProvider.GetValue(field.Key);
            if (value != ValueProviderResult.None)
            {
                field.Set(fields, value.FirstValue);
            }
        }
        bindingContext.Result = ModelBindingResult.Success(fields);
        return Task.CompletedTask;
    }
}
