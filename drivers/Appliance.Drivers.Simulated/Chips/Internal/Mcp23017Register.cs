namespace Appliance.Drivers.Simulated.Chips.Internal;

/// <summary>
/// The MCP23017's eleven registers of a port, numbered as in the datasheet's IOCON.BANK = 1 map (port A at 0x00–0x0A;
/// port B is the same list at 0x10–0x1A; with BANK = 0 the two ports' copies interleave at 0x00–0x15).
/// </summary>
internal enum Mcp23017Register
{
    Iodir = 0x00,
    Ipol = 0x01,
    Gpinten = 0x02,
    Defval = 0x03,
    Intcon = 0x04,
    Iocon = 0x05,
    Gppu = 0x06,
    Intf = 0x07,
    Intcap = 0x08,
    Gpio = 0x09,
    Olat = 0x0A,
}
