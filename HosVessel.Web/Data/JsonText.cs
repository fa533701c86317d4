using System.Text.Json;

namespace HosVessel.Web.Data;

/// <summary>
/// Reading JSON strings that may hold a lone surrogate escape (<c>"\ud800"</c>): the document parses, but
/// <see cref="JsonElement.GetString"/> throws. These answer false instead, so callers can name the item and field.
/// </summary>
public static class JsonText
{
    public static bool TryGetString(JsonElement element, out string? text)
    {
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    public static bool TryGetPropertyName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }
}
