namespace Appliance.Hal.Gpio;

/// <summary>Callback for pin edges, as System.Device.Gpio's <c>PinChangeEventHandler</c>.</summary>
/// <param name="sender">The driver or controller reporting the edge.</param>
/// <param name="pinValueChangedEventArgs">Which pin and which edge.</param>
public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);
