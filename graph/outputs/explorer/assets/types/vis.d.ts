// The parts of vis-network 9.1 (the copy pyvis ships, inlined in the page as
// the global `vis`) that the explorer uses, typed for `tsc --checkJs`.
// Written by hand from vis-network's documentation: https://visjs.github.io/vis-network/docs/network/

declare namespace vis {
  interface Point {
    x: number;
    y: number;
  }

  /** Items of a DataSet may be partial updates: every field but the id is optional. */
  class DataSet<T extends { id: string | number }> {
    constructor(items: T[]);
    readonly length: number;
    get(id: T["id"]): T | null;
    get(ids: Array<T["id"]>): T[];
    get(options?: { filter?: (item: T) => boolean }): T[];
    getIds(options?: { filter?: (item: T) => boolean }): Array<T["id"]>;
    add(items: T[]): void;
    remove(ids: Array<T["id"]>): void;
    update(items: Array<Partial<T> & { id: T["id"] }>): void;
  }

  interface NodeItem {
    id: string;
    label?: string;
    x?: number;
    y?: number;
    size?: number;
    shape?: string;
    hidden?: boolean;
    opacity?: number;
    font?: { color?: string; size?: number; strokeWidth?: number; vadjust?: number };
    color?: object;
    fixed?: boolean | { x: boolean; y: boolean };
  }

  interface EdgeItem {
    /** A relation's line (a number), or a mode's own edge (a string: the group view's). */
    id: number | string;
    from: string;
    to: string;
    key?: string | number;
    hidden?: boolean;
    width?: number;
    dashes?: number[] | false;
    color?: object;
    arrows?: object;
    smooth?: object;
    label?: string;
    font?: object;
  }

  interface PointerEvent {
    nodes: string[];
    edges: number[];
    event: Event & { srcEvent?: Event };
    pointer: { DOM: Point; canvas: Point };
  }

  interface HoverEvent {
    node?: string;
    edge?: number;
    event: Event;
    pointer: { DOM: Point; canvas: Point };
  }

  /** The drawn curve of an edge, from vis-network's internal body (used to hit-test lines). */
  interface DrawnEdge {
    from: { x: number; y: number };
    to: { x: number; y: number };
    edgeType: { getPoint(position: number): Point };
    options: { hidden: boolean; width: number };
  }

  interface DrawnNode {
    x: number;
    y: number;
    options: { size: number; hidden: boolean };
    shape: { width: number; height: number };
    labelModule: { size: { left: number; top: number; width: number; height: number } };
  }

  /** A new size of the canvas, in CSS pixels, and the size it had. */
  interface ResizeEvent {
    width: number;
    height: number;
    oldWidth: number;
    oldHeight: number;
  }

  class Network {
    constructor(
      container: HTMLElement,
      data: { nodes: DataSet<NodeItem>; edges: DataSet<EdgeItem> },
      options: object,
    );
    on(event: "click" | "dragEnd" | "dragStart", callback: (event: PointerEvent) => void): void;
    on(event: "hoverNode" | "hoverEdge" | "blurNode" | "blurEdge", callback: (event: HoverEvent) => void): void;
    on(event: "zoom", callback: () => void): void;
    on(event: "resize", callback: (event: ResizeEvent) => void): void;
    on(event: "afterDrawing" | "beforeDrawing", callback: (context: CanvasRenderingContext2D) => void): void;
    getNodeAt(point: Point): string | undefined;
    setOptions(options: object): void;
    setSize(width: string, height: string): boolean;
    selectNodes(ids: string[], highlightEdges?: boolean): void;
    unselectAll(): void;
    getSelectedNodes(): string[];
    focus(id: string, options: { scale?: number; animation?: boolean }): void;
    fit(options?: { animation?: boolean }): void;
    getScale(): number;
    getViewPosition(): Point;
    moveTo(options: { position?: Point; scale?: number; animation?: boolean }): void;
    getPositions(ids?: string[]): Record<string, Point>;
    moveNode(id: string, x: number, y: number): void;
    canvasToDOM(point: Point): Point;
    DOMtoCanvas(point: Point): Point;
    redraw(): void;
    body: { nodes: Record<string, DrawnNode>; edges: Record<string, DrawnEdge> };
    /** The canvas's frame and its backing store's pixels per CSS pixel. */
    canvas: { frame: HTMLElement & { canvas: HTMLCanvasElement }; pixelRatio: number };
  }
}
