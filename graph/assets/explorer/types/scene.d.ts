// The scene the explorer reads, generated from graph/schema/scene.schema.json
// by `python tests/test_scene_schema.py`: do not edit; change the schema.

/** What every picture of an actor graph draws, where and how: the payload graph.scene.scene() builds, which the HTML explorer reads from its <script id="graph-data"> element and the print figure and GEXF export draw from. Lengths (positions, radii, boxes) are in the units of label_size, the labels' font size, with y pointing down. Text from the dataset is plain text, never markup. Version 1. */
interface Scene {
  /** Version of this payload's layout; it changes when a field changes meaning or goes away. */
  readonly version: 1;
  /** Font size of the actors' labels, in the units of positions, radii and boxes: a picture scales them all together, so labels the layout keeps apart stay apart at any zoom. */
  readonly label_size: number;
  /** Most actors whose labels the layout keeps apart (graph.layout.LABELLED_UP_TO). Above it the labels are too many to read at once, and the explorer does not stretch the positions to the canvas's shape (moving every actor would take seconds). */
  readonly labelled_up_to: number;
  /** What the actors' sizes show, in words: 'number of relations' by default, or the name of the size_by series. */
  readonly size: string;
  /** The actors, sorted by id. */
  readonly nodes: SceneNode[];
  /** The relations, sorted by source, target and key; the id of each is its index here. */
  readonly edges: SceneEdge[];
  /** Legend entries for what the data holds; the filters offer the same values. */
  readonly legend: Legend;
  /** The relation types present, support first, then by label: the relation-type filter. */
  readonly types: RelationType[];
  /** Every month from the first to the last day of the relations' dates, widened to the story's and the start date's: the steps of the time slider. Empty when no relation is dated. */
  readonly months: Period[];
  /** The period the time slider starts at, or null to start with every relation shown (all dates). */
  readonly at: Period | null;
  /** The story's steps, in the order told; empty without a story. */
  readonly story: StoryStep[];
}

/** An actor and how it is drawn. */
interface SceneNode {
  /** The actor's id in the dataset. */
  readonly id: string;
  /** The name shown as its label; a line break starts a new label line. */
  readonly name: string;
  /** Other names, which search also finds. */
  readonly aliases: string[];
  /** Kind of actor (state, armed group, ...), shown by its shape. */
  readonly kind: string;
  /** The camp it belongs to in the data, shown by its colour. */
  readonly camp: string;
  /** A sentence about the actor; may be empty. */
  readonly description: string;
  /** Horizontal position of its point, in label_size units. */
  readonly x: number;
  /** Vertical position of its point, in label_size units, y pointing down. */
  readonly y: number;
  /** Radius of its shape, in label_size units; the area grows linearly with the sized value. */
  readonly size: number;
  /** The space an actor takes in a drawing, its shape and its label (graph.layout.actor_boxes): edges relative to the actor's point, in label_size units, y pointing down. The layout keeps these boxes from overlapping (up to labelled_up_to actors); pictures fit them to their canvas. */
  readonly box: Box;
  /** How far below its point the top of its label is when the label hangs below the shape (every vis-network shape but those drawn around their label, and every shape in the print figure), in label_size units. */
  readonly label_top: number;
  /** Fill colour of its shape: its camp's colour. */
  readonly colour: string;
  /** vis-network shape of its kind (dot, triangle, triangleDown, hexagon, square, diamond, star; ellipse for other kinds, drawn around the label). */
  readonly shape: string;
  /** Number of relations it takes part in, either way. */
  readonly degree: number;
}

/** The space an actor takes in a drawing, its shape and its label (graph.layout.actor_boxes): edges relative to the actor's point, in label_size units, y pointing down. The layout keeps these boxes from overlapping (up to labelled_up_to actors); pictures fit them to their canvas. */
interface Box {
  /** Left edge (negative: left of the point). */
  readonly left: number;
  /** Top edge (negative: above the point). */
  readonly top: number;
  /** Right edge. */
  readonly right: number;
  /** Bottom edge, below the label hung under the shape. */
  readonly bottom: number;
}

/** A relation and how it is drawn: an arrow from the actor who acts to the one acted on. */
interface SceneEdge {
  /** Its index in edges. */
  readonly id: number;
  /** Id of the actor who acts. */
  readonly from: string;
  /** Id of the actor acted on. */
  readonly to: string;
  /** Its key in the graph, which tells relations between the same two actors apart. */
  readonly key: number | string;
  /** Relation type, an id of the vocabulary (relation_types.csv). */
  readonly type: string;
  /** The vocabulary's words for the type, as in 'A <label> B'. */
  readonly label: string;
  /** 1 for support, -1 for opposition, 0 for neutral. */
  readonly sign: number;
  /** Start date as written in the data (YYYY, YYYY-MM or YYYY-MM-DD), or null when open. */
  readonly start: string | null;
  /** End date as written in the data, or null when open. */
  readonly end: string | null;
  /** When it holds, in words ('since 30 September 2015'). */
  readonly when: string;
  /** First day it covers (the first day of a partial start date), or null when open. A relation is shown at a period when active_from is null or on or before the period's last day, and active_to is null or on or after its first day (the rule of graph.snapshot). */
  readonly active_from: string | null;
  /** Last day it covers (the last day of a partial end date), or null when open. */
  readonly active_to: string | null;
  /** How sure the source is: confirmed, claimed or alleged. */
  readonly confidence: string;
  /** True for a relation that goes both ways (talks, an alliance: its type is symmetric in the vocabulary), drawn without an arrow head. */
  readonly symmetric: boolean;
  /** A verbatim quote from the source; may be empty. */
  readonly evidence: string;
  /** The source cited; may be empty. */
  readonly citation: string;
  /** Where the dates come from, when not from the evidence; may be empty. */
  readonly date_source: string;
  /** Line colour, by sign (graph.style.edge_colour). */
  readonly colour: string;
  /** How much the line is bent, for relations between the same two actors (vis-network's curvedCW roundness; the figure bends the other way in y-up axes), or null for a straight line. */
  readonly roundness: number | null;
  /** Dash pattern by sign: solid support, dashed opposition, dotted neutral. */
  readonly dashes: number[];
  /** Line width in screen pixels at the picture's fitted zoom, by confidence, wider for a heavier relation (weight). */
  readonly width: number;
  /** Line opacity from 0 to 1, by confidence. */
  readonly opacity: number;
}

/** Legend entries for what the data holds; the filters offer the same values. */
interface Legend {
  /** Camps by decreasing number of actors, then by name. */
  readonly camps: LegendCamp[];
  /** Kinds of actor by decreasing number of actors, then by name. */
  readonly kinds: LegendKind[];
  /** Relation signs present: support, opposition, then neutral. */
  readonly signs: LegendSign[];
  /** Confidence levels present, from the surest (confirmed, claimed, alleged, then others by name): the order the table sorts them in. */
  readonly confidence: LegendConfidence[];
}

interface LegendCamp {
  /** The camp's name. */
  readonly camp: string;
  /** The camp's colour. */
  readonly colour: string;
  /** Number of its actors. */
  readonly actors: number;
}

interface LegendKind {
  /** The kind's name. */
  readonly kind: string;
  /** Its vis-network shape, as in nodes. */
  readonly shape: string;
  /** Number of actors of this kind. */
  readonly actors: number;
}

interface LegendSign {
  /** 1, -1 or 0. */
  readonly sign: number;
  /** The sign in words (support, opposition, neutral), as the page writes it everywhere. */
  readonly name: string;
  /** Number of relations of this sign. */
  readonly relations: number;
  /** Line colour of this sign. */
  readonly colour: string;
  /** Dash pattern of this sign. */
  readonly dashes: number[];
}

interface LegendConfidence {
  /** The level, as in edges' confidence. */
  readonly level: string;
  /** What the level says about a relation, in words ('reported as fact'). */
  readonly meaning: string;
  /** Number of relations at this level. */
  readonly relations: number;
  /** Line width of this level, in screen pixels. */
  readonly width: number;
  /** Line opacity of this level, 0 to 1. */
  readonly opacity: number;
}

/** A relation type present in the data. */
interface RelationType {
  /** The type's id, as in edges' type. */
  readonly type: string;
  /** The vocabulary's words for it. */
  readonly label: string;
  /** Its sign: 1, -1 or 0. */
  readonly sign: number;
  /** Number of relations of this type. */
  readonly relations: number;
}

/** A stretch of time the page can show: a month of the slider, a start date, a story step's date. */
interface Period {
  /** The date as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** The date in words ('September 2015'). */
  readonly label: string;
  /** Its first day. */
  readonly first: string;
  /** Its last day. */
  readonly last: string;
}

/** A step of the story: a period, a caption, and the actors it is about. */
interface StoryStep {
  /** The step's date as written. */
  readonly date: string;
  /** The date in words. */
  readonly label: string;
  /** Its first day. */
  readonly first: string;
  /** Its last day. */
  readonly last: string;
  /** The step's title. */
  readonly title: string;
  /** What happened, a quote from the source. */
  readonly caption: string;
  /** The source of the caption; may be empty. */
  readonly citation: string;
  /** Ids of the actors the step highlights. */
  readonly actors: string[];
}
